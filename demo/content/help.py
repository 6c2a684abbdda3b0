"""The help center: four categories of step-by-step articles.

Figures used here match what the demo shop's checkout does: standard delivery free from ¥99
(the demo shipping methods), 24 hours to pay (ORDER_PAYMENT_TIMEOUT_MINUTES), cash on delivery,
bank transfer and online payment, 7-day returns (the after-sales windows).
"""

from .schema import HelpArticle, HelpCategory, Look, Step

SHOPPING = HelpCategory(
    slug="shopping",
    title="购物指南 Shopping",
    description="注册账号、找到商品、下单结算，第一次购物看这里。",
    look=Look("bag", "#2a9d8f", "#264653"),
    articles=(
        HelpArticle(
            slug="create-an-account",
            title="注册与登录 | Creating an account",
            summary="用手机号或邮箱注册账号，之后就能查看订单、收藏商品和保存收货地址。",
            steps=(
                Step(
                    "打开注册页面",
                    "<p>点击页面右上角的<b>登录</b>，在登录框下方选择<b>注册新账号</b>。</p>",
                    "Sign up",
                    "form",
                ),
                Step(
                    "填写账号信息",
                    "<p>输入手机号或邮箱，设置至少 8 位、包含字母和数字的密码。</p>",
                    "Create account",
                    "form",
                ),
                Step(
                    "完善个人资料",
                    "<p>注册成功后进入<b>我的账户</b>，添加常用收货地址，下单时可以直接选择。</p>",
                    "Save address",
                    "list",
                ),
            ),
            tip="<p>不要在公共电脑上勾选“保持登录”，使用后记得退出账号。</p>",
            faqs=(
                (
                    "收不到验证邮件怎么办？",
                    "<p>请检查垃圾邮件文件夹，或在 10 分钟后重新发送。仍然收不到时请联系客服。"
                    "</p>",
                ),
                (
                    "忘记密码了怎么办？",
                    "<p>在登录页点击<b>忘记密码</b>，按提示通过邮箱重设密码。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="find-products",
            title="搜索和筛选商品 | Finding products",
            summary="用搜索框、分类和筛选条件，快速找到想要的商品。",
            steps=(
                Step(
                    "使用搜索框",
                    "<p>在页面顶部的搜索框输入商品名称、品牌或拼音首字母，例如“jzej”可以找到降噪"
                    "耳机。</p>",
                    "Search",
                    "list",
                ),
                Step(
                    "按条件筛选",
                    "<p>在结果页左侧按品牌、价格区间和规格筛选，可以同时勾选多个条件。</p>",
                    "Filter by brand",
                    "list",
                ),
                Step(
                    "比较和收藏",
                    "<p>打开商品详情查看规格、评价和问答，喜欢的商品点击<b>收藏</b>，以后在账户"
                    "中查看。</p>",
                    "Add to wishlist",
                    "product",
                ),
            ),
            tip="<p>不确定怎么选时，先读一读<b>导购</b>栏目中的选购指南。</p>",
            faqs=(
                (
                    "为什么搜不到某个商品？",
                    "<p>商品可能已下架或暂时缺货。可以尝试更短的关键词，或按分类浏览。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="place-an-order",
            title="下单流程 | Placing an order",
            summary="从加入购物车到提交订单，四个步骤完成购买。",
            steps=(
                Step(
                    "加入购物车",
                    "<p>在商品详情页选择颜色、尺码等规格和数量，点击<b>加入购物车</b>。</p>",
                    "Add to cart",
                    "product",
                ),
                Step(
                    "核对购物车",
                    "<p>打开购物车，确认商品、规格和数量，可以在这里使用优惠券和红包。</p>",
                    "Checkout",
                    "list",
                ),
                Step(
                    "填写收货信息并支付",
                    "<p>选择收货地址、配送方式和支付方式，确认金额后点击<b>提交订单</b>。</p>",
                    "Place order",
                    "form",
                ),
            ),
            tip=(
                "<p>在线支付和银行转账的订单请在 24 小时内付款，超时订单会自动取消，库存会释放给"
                "其他顾客。</p>"
            ),
            faqs=(
                (
                    "下单后还能修改地址吗？",
                    "<p>订单发货前可以在<b>我的订单</b>中修改收货地址；已发货的订单请联系客服协"
                    "助。</p>",
                ),
                (
                    "可以开发票吗？",
                    "<p>可以。提交订单时选择电子发票并填写抬头，发货后发票会发送到你的邮箱。</p>",
                ),
            ),
        ),
    ),
)

PAYMENT = HelpCategory(
    slug="payment",
    title="支付方式 Payment",
    description="在线支付、货到付款和银行转账的使用方法与注意事项。",
    look=Look("grid", "#3d5a80", "#ee6c4d"),
    articles=(
        HelpArticle(
            slug="pay-online",
            title="在线支付 | Paying online",
            summary="在结算页选择在线支付，付款成功后订单立即确认。",
            steps=(
                Step(
                    "选择在线支付",
                    "<p>在结算页的支付方式中选择<b>在线支付</b>。</p>",
                    "Pay online",
                    "form",
                ),
                Step(
                    "选择支付渠道",
                    "<p>提交订单后页面会跳转到支付页面；可用的支付渠道以结算页显示为准。</p>",
                    "Payment page",
                    "list",
                ),
                Step(
                    "完成付款",
                    "<p>付款成功后页面自动跳转到订单详情，订单状态变为<b>待发货</b>。</p>",
                    "Paid",
                    "product",
                ),
            ),
            tip=(
                "<p>请在 24 小时内完成付款。如果已扣款但订单仍显示未支付，请不要重复付款，稍等几"
                "分钟刷新页面。</p>"
            ),
            faqs=(
                (
                    "付款失败怎么办？",
                    "<p>请确认银行卡余额和单笔限额，或更换支付渠道重试。失败的付款不会扣款，"
                    "如被冻结，会在 1 到 3 个工作日内自动解冻。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="cash-on-delivery",
            title="货到付款 | Cash on delivery",
            summary="收到包裹时再付款，可以现金或扫码支付。",
            steps=(
                Step(
                    "确认可以使用",
                    "<p>结算时在支付方式中选择<b>货到付款</b>。</p>",
                    "Cash on delivery",
                    "form",
                ),
                Step(
                    "提交订单",
                    "<p>选择货到付款后直接提交订单，无需提前付款，订单进入备货。</p>",
                    "Place order",
                    "form",
                ),
                Step(
                    "收货时付款",
                    "<p>快递员送达时，先检查外包装，再用现金或扫描快递员的收款码付款。</p>",
                    "Pay the courier",
                    "product",
                ),
            ),
            tip=("<p>货到付款的订单无需提前付款，快递员送达时收款；签收前请检查外包装。</p>"),
            faqs=(
                ("货到付款要加手续费吗？", "<p>不收取任何手续费。</p>"),
                (
                    "可以先开箱验货再付款吗？",
                    "<p>可以检查外包装和商品数量；商品质量问题请在签收后按售后流程处理。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="bank-transfer",
            title="银行转账 | Bank transfer",
            summary="适合企业采购和大额订单：转账到公司对公账户，到账后发货。",
            steps=(
                Step(
                    "选择银行转账",
                    "<p>在结算页选择<b>银行转账</b>并提交订单，页面会显示收款账户信息。</p>",
                    "Bank transfer",
                    "form",
                ),
                Step(
                    "转账并备注订单号",
                    "<p>通过网银或柜台转账，务必在附言中填写订单号，金额与订单金额一致。</p>",
                    "Order no. in memo",
                    "form",
                ),
                Step(
                    "等待确认",
                    "<p>我们会在款项到账后 1 到 2 个工作日内确认，订单状态随后变为<b>待发货"
                    "</b>。</p>",
                    "Payment received",
                    "list",
                ),
            ),
            tip=(
                "<p>转账订单保留 24 小时，超时未到账会自动取消。转账前请核对收款户名，谨防诈骗。"
                "</p>"
            ),
            faqs=(
                (
                    "转账金额错了怎么办？",
                    "<p>请联系客服并提供转账凭证，多转的部分会原路退回，少转的部分需要补齐。</p>",
                ),
            ),
        ),
    ),
)

DELIVERY = HelpCategory(
    slug="delivery",
    title="配送说明 Delivery",
    description="配送方式、时效、运费，以及如何查询物流和签收。",
    look=Look("house", "#e76f51", "#264653"),
    articles=(
        HelpArticle(
            slug="delivery-options",
            title="配送方式与时效 | Delivery options and times",
            summary="普通快递、顺丰次日达和大件物流；普通快递满 99 元包邮。",
            steps=(
                Step(
                    "查看配送方式",
                    "<p>商品详情页的运费计算器按你的省份显示每种配送方式的运费。</p>",
                    "Delivery estimate",
                    "product",
                ),
                Step(
                    "选择配送方式",
                    "<p>结算时选择普通快递、顺丰次日达或大件物流，运费随之显示。</p>",
                    "Standard / Next day",
                    "form",
                ),
                Step(
                    "等待发货",
                    "<p>现货商品在付款后 24 小时内发货，预售商品以页面标注的发货时间为准。</p>",
                    "Shipped",
                    "list",
                ),
            ),
            tip=(
                "<p>普通快递满 99 元包邮；新疆、西藏等偏远地区另加运费，以运费计算器和结算页显示"
                "为准。</p>"
            ),
            faqs=(
                (
                    "次日达覆盖哪些地区？",
                    "<p>目前覆盖北京、上海、广州、深圳、杭州等城市的主城区，当天 15 点前付款的订"
                    "单次日送达。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="track-your-parcel",
            title="查询物流 | Tracking your parcel",
            summary="在订单详情中查看物流轨迹，或用运单号在快递公司网站查询。",
            steps=(
                Step(
                    "打开我的订单",
                    "<p>登录后进入<b>我的账户 → 我的订单</b>，找到需要查询的订单。</p>",
                    "My orders",
                    "list",
                ),
                Step(
                    "查看物流轨迹",
                    "<p>点击<b>查看物流</b>，可以看到包裹的每一次中转和派送信息。</p>",
                    "Track parcel",
                    "list",
                ),
                Step(
                    "联系快递员",
                    "<p>派送中的包裹会显示快递员电话，可以提前约定送货时间或代收点。</p>",
                    "Call courier",
                    "product",
                ),
            ),
            tip="<p>物流信息在发货后几个小时内才会更新，刚发货时查不到是正常的。</p>",
            faqs=(
                (
                    "物流信息三天没有更新怎么办？",
                    "<p>请联系客服，我们会向快递公司核实包裹位置，必要时为你补发。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="receive-your-parcel",
            title="签收与验货 | Receiving and checking your parcel",
            summary="签收前检查外包装，有问题当面拒收，保护你的权益。",
            steps=(
                Step(
                    "检查外包装",
                    "<p>签收前查看包装是否完好、封口胶带是否被拆开过。</p>",
                    "Check the box",
                    "product",
                ),
                Step(
                    "核对商品",
                    "<p>开箱核对商品数量和型号，贵重商品建议录制开箱视频。</p>",
                    "Check items",
                    "list",
                ),
                Step(
                    "确认收货",
                    "<p>没有问题后在订单中点击<b>确认收货</b>，之后可以发表评价。</p>",
                    "Confirm receipt",
                    "list",
                ),
            ),
            tip="<p>包装明显破损或有浸水痕迹时，请当面拒收并联系客服，我们会尽快重新发货。</p>",
            faqs=(
                (
                    "家里没人可以代收吗？",
                    "<p>可以由家人、物业或快递柜代收。代收后发现问题，同样可以申请售后。</p>",
                ),
            ),
        ),
    ),
)

AFTER_SALES = HelpCategory(
    slug="after-sales",
    title="售后服务 After-sales",
    description="退货、换货、维修和退款的流程与时效。",
    look=Look("book", "#6d597a", "#eaac8b"),
    articles=(
        HelpArticle(
            slug="seven-day-returns",
            title="七天无理由退货 | 7-day returns",
            summary="签收后 7 天内，商品完好即可申请无理由退货。",
            steps=(
                Step(
                    "提交退货申请",
                    "<p>在<b>我的订单</b>中打开已签收的订单，点击<b>申请售后</b>，类型选<b>退货退款</b>"
                    "，勾选要退的商品和数量，选择原因并提交。</p>",
                    "Request return",
                    "list",
                ),
                Step(
                    "寄回商品",
                    "<p>申请通过后按页面提供的地址寄回，填写退货运单号。请保留商品、配件和包装完"
                    "整。</p>",
                    "Return address",
                    "form",
                ),
                Step(
                    "等待退款",
                    "<p>仓库收到并检查商品后，退款会原路退回，进度可以在售后详情中查看。</p>",
                    "Refund",
                    "list",
                ),
            ),
            tip="<p>定制商品、已拆封的贴身衣物和食品、数字商品不适用七天无理由退货。</p>",
            faqs=(
                (
                    "退货运费谁出？",
                    "<p>商品质量问题由我们承担运费；无理由退货由买家承担，购买了退货运费险的除外"
                    "。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="exchanges-and-repairs",
            title="换货与维修 | Exchanges and repairs",
            summary="尺码不合适可以换货，保修期内的质量问题可以免费维修。",
            steps=(
                Step(
                    "选择换货或维修",
                    "<p>在订单中点击<b>申请售后</b>，选择<b>换货</b>或<b>维修</b>，描述问题并上"
                    "传照片。</p>",
                    "Exchange / Repair",
                    "form",
                ),
                Step(
                    "寄出或上门取件",
                    "<p>按提示寄出商品，部分大家电和家具支持预约上门取件或上门维修。</p>",
                    "Book a pickup",
                    "form",
                ),
                Step(
                    "收到新商品",
                    "<p>换货商品在收到退回件后 48 小时内发出；维修一般在 7 个工作日内完成并寄回"
                    "。</p>",
                    "On its way",
                    "list",
                ),
            ),
            tip=(
                "<p>申请维修前，先看看商品说明书中的常见问题，有些故障重启或重新配对就能解决。</p>"
            ),
            faqs=(
                ("保修期从哪天算起？", "<p>从签收之日起计算，以订单中的签收时间为准。</p>"),
                (
                    "换货可以换别的款式吗？",
                    "<p>换货仅限同款不同规格；想换其他款式，请先退货再重新下单。</p>",
                ),
            ),
        ),
        HelpArticle(
            slug="refund-times",
            title="退款多久到账 | When will I get my refund?",
            summary="不同支付方式的退款时效，以及如何查看退款进度。",
            steps=(
                Step(
                    "查看退款进度",
                    "<p>在<b>我的账户 → 我的售后</b>中打开售后单，审核、寄回、仓库签收、退款中到"
                    "已退款，每一步都有记录，也会发邮件通知你。</p>",
                    "Refund status",
                    "list",
                ),
                Step(
                    "核对退款金额",
                    "<p>退款金额为实付金额，使用的优惠券和红包按规则退回账户。</p>",
                    "Refund amount",
                    "product",
                ),
                Step(
                    "确认到账",
                    "<p>在线支付的退款原路退回，一般 1 到 3 个工作日到账；货到付款和银行转账的"
                    "订单退到你提供的银行账户，一般 3 到 7 个工作日。</p>",
                    "Received",
                    "list",
                ),
            ),
            tip="<p>超过时效仍未到账，请先查询银行卡流水，再联系客服提供退款单号。</p>",
            faqs=(
                (
                    "部分退货怎么退款？",
                    "<p>按商品实付金额退款；如果退货后订单不再满足满减条件，会扣除相应的优惠金额"
                    "。</p>",
                ),
            ),
        ),
    ),
)

HELP_CATEGORIES = (SHOPPING, PAYMENT, DELIVERY, AFTER_SALES)
