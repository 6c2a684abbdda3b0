"""Shop-wide demo content: tags, section intros, home page, banners,
announcements, shop settings and the demo staff accounts."""

from .schema import Banner, Look, StaffUser

SITE_NAME = "悦选 Yuexuan"

# slug -> name; guides refer to tags by slug so that URLs stay ASCII (?tag=digital).
TAGS = {
    "digital": "数码 Digital",
    "sports": "运动户外 Sports & outdoor",
    "beauty": "美妆护肤 Beauty",
    "home": "家居生活 Home",
    "kids": "母婴亲子 Kids",
    "food": "食品饮料 Food & drink",
    "buying-tips": "选购技巧 Buying tips",
    "beginners": "新手入门 Beginners",
}

SECTION_INTROS = {
    "brands": "<p>我们精选的品牌合作伙伴：了解每个品牌的故事、最新动态和活动。</p>",
    "guides": "编辑部写给你的选购指南：先弄明白再下单，买得少一点、好一点。",
    "help": "购物、支付、配送和售后的常见问题都在这里。找不到答案？欢迎联系客服。",
}

WELCOME = (
    "<h2>欢迎来到本店 | Welcome</h2>"
    "<p>我们相信，好的购物从了解开始。这里有八个用心做产品的品牌、二十多篇编辑部写的选购指南，"
    "以及清楚透明的支付、配送和售后说明。</p>"
    "<p>满 99 元包邮，支持七天无理由退货。有任何问题，请拨打客服热线 400-820-1234（每天 "
    "9:00–21:00）。</p>"
)

BANNERS = (
    Banner(
        key="audio-week",
        heading="降噪耳机选购季",
        alt_text="降噪耳机选购季：读懂降噪、佩戴和续航，挑到适合你的耳机",
        headline="Quiet commute, clear music",
        subline="How to choose noise-cancelling earbuds",
        look=Look("waves", "#264653", "#e9c46a"),
        link="guide:noise-cancelling-earbuds",
        starts_in_days=-3,
        ends_in_days=None,
    ),
    Banner(
        key="brand-week",
        heading="品牌故事周",
        alt_text="品牌故事周：认识八个用心做产品的品牌",
        headline="Meet our eight brands",
        subline="Stories, news and events",
        look=Look("grid", "#6d597a", "#eaac8b"),
        link="brands",
        starts_in_days=-10,
        ends_in_days=180,
    ),
    Banner(
        key="help-center",
        heading="新手购物指南",
        alt_text="新手购物指南：支付、配送和售后一看就懂",
        headline="New here? Start with the basics",
        subline="Payment, delivery and returns explained",
        look=Look("bag", "#2a9d8f", "#264653"),
        link="help",
        starts_in_days=None,
        ends_in_days=None,
    ),
    Banner(
        key="new-year-sale",
        heading="新年焕新季",
        alt_text="新年焕新季：小户型收纳好物限时优惠",
        headline="New Year home refresh",
        subline="Storage ideas for the new year",
        look=Look("house", "#bc4749", "#f2e8cf"),
        link="guide:small-space-storage",
        starts_in_days=-60,
        ends_in_days=-30,
    ),
    Banner(
        key="summer-running",
        heading="夏日跑步季",
        alt_text="夏日跑步季：跑鞋与装备选购指南",
        headline="Summer running season",
        subline="Find your next pair of running shoes",
        look=Look("shoe", "#e63946", "#1d3557"),
        link="guide:running-shoes",
        starts_in_days=14,
        ends_in_days=45,
    ),
)

# (text, level, link, starts_in_days, ends_in_days)
ANNOUNCEMENTS = (
    ("客服热线服务时间调整为每天 9:00–21:00，节假日照常服务。", "info", "/help/", -2, None),
    ("全场满 99 元包邮，新用户首单再减 10 元。", "promotion", "/guides/", -1, 30),
    ("春节期间暂停发货，2 月 18 日起恢复正常配送。", "warning", "/help/delivery/", -40, -20),
)

PAYMENT_METHODS_INFO = (
    "<h3>在线支付</h3>"
    "<p>支持支付宝、微信支付和银联借记卡、信用卡。提交订单后请在 30 分钟内完成付款，超时订单自动"
    "取消。"
    "已扣款但订单显示未支付时，请勿重复付款，稍后刷新订单即可。</p>"
    "<h3>货到付款</h3>"
    "<p>部分城市可用，单笔订单不超过 2000 元，收货时可付现金或扫码支付，不收手续费。"
    "预售、定制商品和大件家具不支持货到付款。</p>"
    "<h3>银行转账</h3>"
    "<p>适合企业采购和大额订单。转账时请在附言中填写订单号，款项到账后 1 到 2 个工作日内确认。"
    "订单保留 72 小时；请只向订单页面显示的对公账户转账，谨防诈骗。</p>"
)

SHIPPING_INFO = (
    "<h3>配送方式</h3>"
    "<ul><li>标准快递：全国大部分地区 2 到 4 天送达；</li>"
    "<li>次日达：北京、上海、广州、深圳、杭州主城区，15:00 前付款次日送达；</li>"
    "<li>大件送装：家具和大家电预约送货并免费安装，5 到 10 天送达。</li></ul>"
    "<h3>运费</h3>"
    "<p>订单满 99 元免标准快递运费，不满 99 元收取 8 元；次日达另加 10 元。"
    "新疆、西藏等偏远地区可能另加运费和时间。</p>"
    "<p>现货商品付款后 24 小时内发货，预售商品以页面标注的发货时间为准。</p>"
)

# The bank account bank-transfer orders are paid into (account name, bank and branch, number).
BANK_ACCOUNT = ("示例商城（上海）有限公司", "招商银行上海分行营业部", "1219 0936 5710 888")
SERVICE_PHONE = "400-820-1234"
SERVICE_EMAIL = "service@shop.example.com"
SERVICE_HOURS = "每天 9:00–21:00（节假日照常）"
FOOTER_NOTE = "© 示例商城 Demo Shop · 沪 ICP 备 00000000 号 · 本站内容仅作演示"

# Footer columns: (heading, [(label, target)]); targets as in Banner.link, plus "help:<slug>".
FOOTER_COLUMNS = (
    (
        "帮助中心 Help",
        (
            ("购物指南", "help:shopping"),
            ("支付方式", "help:payment"),
            ("配送说明", "help:delivery"),
            ("售后服务", "help:after-sales"),
        ),
    ),
    (
        "导购 Guides",
        (
            ("全部导购", "guides"),
            ("降噪耳机怎么选", "guide:noise-cancelling-earbuds"),
            ("跑鞋选购指南", "guide:running-shoes"),
            ("咖啡豆入门", "guide:coffee-beans"),
        ),
    ),
    (
        "品牌 Brands",
        (
            ("全部品牌", "brands"),
            ("声谷 SoundValley", "brand:soundvalley"),
            ("青禾 Qinghe", "brand:qinghe"),
            ("小书虫 Bookworm", "brand:bookworm"),
        ),
    ),
)

STAFF_PASSWORD = "demo1234"
STAFF_USERS = (
    StaffUser("editor", "Editors", "晓", "林"),
    StaffUser("merchandiser", "Merchandisers", "明", "周"),
    StaffUser("designer", "Designers", "一帆", "陈"),
    StaffUser("service", "Customer service", "芳", "王"),
    StaffUser("finance", "Finance", "静", "赵"),
    StaffUser("logistics", "Logistics", "远", "孙"),
    StaffUser("manager", "Managers", "然", "李"),
)
