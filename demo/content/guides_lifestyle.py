"""Guides about sports, skincare, coffee and tea, and children."""

from .schema import Guide, Look

GUIDES_LIFESTYLE = (
    Guide(
        slug="running-shoes",
        title="跑鞋选购指南 | A running-shoe guide",
        summary="缓震、稳定还是竞速？从足弓类型、跑量和试穿时间三个方面，选到适合自己的第一双跑鞋。",
        author="陈一帆 Chen Yifan",
        days_ago=3,
        tags=("sports", "buying-tips", "beginners"),
        kicker="Sports",
        look=Look("shoe", "#e63946", "#1d3557"),
        intro=(
            "<p>跑步看起来只需要一双鞋，但一双不合适的跑鞋可能让你膝盖疼、脚底起泡，甚至放弃跑步。"
            "好消息是，选对跑鞋并不难，只要知道自己的脚和跑步习惯。</p>"
        ),
        checklist=(
            "Arch type",
            "Weekly distance",
            "Thumb-width toe room",
            "Try on in the evening",
        ),
        caption="下午或晚上试鞋，脚尖前留出一指宽。",
        sections=(
            (
                "了解你的足弓",
                "<p>把脚打湿踩在深色纸上看脚印：几乎看不到足弓是扁平足，容易过度内旋，适合稳定型"
                "跑鞋；"
                "足弓很高、脚印中间断开，需要缓震更好的鞋；介于两者之间的正常足弓，大部分中性跑"
                "鞋都适合。</p>",
            ),
            (
                "按跑量和配速选",
                "<ul><li>每周 20 公里以内的新手：选缓震充足、鞋底较宽的中性鞋；</li>"
                "<li>准备半马全马：注意鞋的耐久性，一般 600 到 800 公里需要更换；</li>"
                "<li>竞速鞋（碳板鞋）适合有基础的跑者比赛时穿，不适合日常慢跑。</li></ul>",
            ),
            (
                "试穿的细节",
                "<p>脚在一天中会略微变大，下午或晚上试鞋更准确。穿上跑步时的袜子，"
                "脚尖到鞋头留一指宽，脚后跟不打滑，在店里小跑几步感受鞋的回弹和包裹。</p>",
            ),
        ),
        quote=("最好的跑鞋是让你忘记它存在的那一双。", "马拉松教练 高峰"),
    ),
    Guide(
        slug="hiking-boots",
        title="徒步鞋怎么选 | Hiking boots for weekend trails",
        summary="低帮、中帮还是高帮？防水膜、大底和磨合期，第一次走山路前该准备怎样的鞋。",
        author="Emma Li",
        days_ago=27,
        tags=("sports", "buying-tips"),
        kicker="Outdoor",
        look=Look("shoe", "#606c38", "#dda15e"),
        intro=(
            "<p>城市近郊的周末徒步，路面多是土路、石阶和碎石。专业的徒步鞋能提供抓地力、"
            "保护脚踝，还能在下雨时保持脚部干燥。</p>"
        ),
        checklist=("Cut height", "Waterproof membrane", "Grippy outsole", "Break them in"),
        caption="鞋帮越高，对脚踝的保护越好，但也越重。",
        sections=(
            (
                "鞋帮高度",
                "<ul><li><b>低帮</b>：轻便灵活，适合平缓的短途路线；</li>"
                "<li><b>中帮</b>：兼顾保护和灵活，适合大多数周末徒步；</li>"
                "<li><b>高帮</b>：支撑最好，适合负重多日穿越和复杂地形。</li></ul>",
            ),
            (
                "防水与透气",
                "<p>带防水膜的鞋能挡住雨水和溪水，但透气性会下降，夏天容易闷脚。"
                "经常在南方潮湿山区走的人适合防水款；干燥地区和夏季可以选透气网面款。</p>",
            ),
            (
                "新鞋要磨合",
                "<p>新买的徒步鞋先在城市里穿几天，再去走长线。搭配吸湿排汗的羊毛或合成纤维袜子，"
                "不要穿纯棉袜，棉袜吸汗后容易磨出水泡。</p>",
            ),
        ),
        quote=("下山时把鞋带系紧一些，能避免脚趾顶到鞋头。", "户外领队 老周"),
    ),
    Guide(
        slug="yoga-mats",
        title="瑜伽垫入门 | Choosing a yoga mat",
        summary="厚度、材质、防滑和清洁：在家练瑜伽的第一块垫子怎么选。",
        author="王芳 Wang Fang",
        days_ago=41,
        tags=("sports", "beginners"),
        kicker="Fitness",
        look=Look("grid", "#9d4edd", "#ffd6a5"),
        intro=(
            "<p>瑜伽垫是居家练习最重要的装备。它要防滑、有适当的缓冲，还要方便清洁和收纳。</p>"
        ),
        checklist=("Thickness", "Material", "Grip when sweaty", "Easy to clean"),
        caption="新手选 6 毫米左右的厚度，兼顾缓冲与稳定。",
        sections=(
            (
                "厚度",
                "<p>4 毫米以下的薄垫稳定性好，适合有基础、做站立体式较多的人；6 毫米左右适合新手，"
                "跪姿时膝盖更舒服；10 毫米以上的厚垫更适合普拉提和拉伸，站立时会晃。</p>",
            ),
            (
                "材质",
                "<ul><li><b>TPE</b>：轻、价格适中，适合入门；</li>"
                "<li><b>天然橡胶</b>：抓地力强、耐用，但较重，对乳胶过敏者慎选；</li>"
                "<li><b>PU 面层</b>：出汗后依然防滑，适合热瑜伽。</li></ul>",
            ),
            (
                "清洁与收纳",
                "<p>练习后用湿布加少量温和清洁剂擦拭，放在阴凉处晾干，避免暴晒。卷起收纳时正面朝"
                "外，"
                "下次铺开时边角不易翘起。</p>",
            ),
        ),
        quote=("垫子防滑，心才能静下来。", "瑜伽老师 安然"),
    ),
    Guide(
        slug="skincare-routine",
        title="四步基础护肤 | A simple four-step skincare routine",
        summary="洁面、保湿、防晒，再加一步按需精华：敏感肌也能坚持的简单护肤流程。",
        author="王芳 Wang Fang",
        days_ago=13,
        tags=("beauty", "beginners"),
        kicker="Beauty",
        look=Look("drop", "#2a9d8f", "#e9c46a"),
        intro=(
            "<p>护肤不需要十几个步骤。对大多数人来说，温和清洁、充分保湿和每天防晒就能解决八成问"
            "题，"
            "剩下的按自己的肤质再加一步即可。</p>"
        ),
        checklist=("Gentle cleanser", "Moisturiser", "Sunscreen every day", "One serum at a time"),
        caption="早上：洁面、保湿、防晒；晚上：洁面、精华、保湿。",
        sections=(
            (
                "第一步：温和清洁",
                "<p>选择氨基酸类或 pH 值接近皮肤的洁面产品，洗后不紧绷就是合适的。"
                "早上皮肤不油的人可以只用清水洗脸。水温接近体温，过热会带走皮肤的油脂。</p>",
            ),
            (
                "第二步：保湿，第三步：防晒",
                "<p>干皮选含神经酰胺、角鲨烷的面霜，油皮选清爽的乳液或凝露。</p>"
                "<p>防晒是最有效的抗老步骤。即使阴天和室内靠窗，也建议使用 SPF30、PA+++ 以上的防"
                "晒，"
                "户外活动每两小时补涂一次。</p>",
            ),
            (
                "第四步：按需精华",
                "<ul><li>想提亮：维生素 C 或烟酰胺；</li><li>有闭口粉刺：低浓度水杨酸；</li>"
                "<li>想改善细纹：晚间使用 A 醇，从低浓度开始。</li></ul>"
                "<p>新产品一次只加一种，先在耳后试用两三天，确认不过敏再用于全脸。</p>",
            ),
        ),
        quote=("护肤最重要的是坚持，而不是产品的数量。", "皮肤科医生 李然"),
    ),
    Guide(
        slug="sunscreen",
        title="防晒霜怎么选 | Choosing a sunscreen",
        summary="SPF 与 PA 是什么意思、物理防晒和化学防晒怎么选、用多少才够。",
        author="林晓 Lin Xiao",
        days_ago=62,
        tags=("beauty", "buying-tips"),
        kicker="Beauty",
        look=Look("drop", "#f77f00", "#003049"),
        intro=(
            "<p>紫外线中的 UVB 会让皮肤晒红晒伤，UVA 则会穿透云层和玻璃，导致晒黑和光老化。"
            "一支合格的防晒霜需要同时防护这两种紫外线。</p>"
        ),
        checklist=("SPF 30+", "PA+++", "Texture you like", "Reapply every 2 hours"),
        caption="脸部每次用量约一元硬币大小。",
        sections=(
            (
                "看懂 SPF 和 PA",
                "<p>SPF 表示防护 UVB 的能力，日常通勤 SPF30 足够，户外和海边选 SPF50。"
                "PA 表示防护 UVA 的能力，加号越多越强，建议至少 PA+++。</p>",
            ),
            (
                "物理防晒与化学防晒",
                "<ul><li><b>物理防晒</b>（氧化锌、二氧化钛）：温和，适合敏感肌和儿童，但可能略泛"
                "白；</li>"
                "<li><b>化学防晒</b>：质地清爽，不泛白，少数人可能刺激；</li>"
                "<li>现在的很多产品是两者结合，兼顾温和与肤感。</li></ul>",
            ),
            (
                "用量与补涂",
                "<p>防晒霜的防护值是在每平方厘米 2 毫克的用量下测得的，大多数人只涂了一半。"
                "出门前 15 分钟涂抹，游泳、出汗后及时补涂。</p>",
            ),
        ),
        quote=("你愿意每天坚持使用的防晒，就是最好的防晒。", "皮肤科医生 李然"),
    ),
    Guide(
        slug="coffee-beans",
        title="咖啡豆入门 | Coffee beans for beginners",
        summary="产地、处理法、烘焙度和赏味期：看懂咖啡豆包装上的信息，买到喜欢的风味。",
        author="周明 Zhou Ming",
        days_ago=9,
        tags=("food", "beginners"),
        kicker="Coffee",
        look=Look("cup", "#6b4226", "#e9a23b"),
        intro=(
            "<p>一包咖啡豆的包装上通常写着产地、处理法、烘焙度和风味描述。看懂这些信息，"
            "你就能大致预测这包豆子喝起来是明亮的果酸，还是醇厚的坚果巧克力味。</p>"
        ),
        checklist=("Origin", "Process", "Roast level", "Roast date"),
        caption="包装上的烘焙日期比保质期更重要。",
        sections=(
            (
                "产地与处理法",
                "<p>埃塞俄比亚的豆子常有花香和柑橘味，哥伦比亚均衡甜感好，巴西多坚果和巧克力风味，"
                "云南咖啡则有红糖和水果的甜。</p>"
                "<p>水洗处理的咖啡干净明亮；日晒处理的果味更浓，甜感更重；蜜处理介于两者之间。"
                "</p>",
            ),
            (
                "烘焙度",
                "<ul><li><b>浅烘</b>：酸质明亮，保留产地风味，适合手冲；</li>"
                "<li><b>中烘</b>：酸甜平衡，适合大多数冲煮方式；</li>"
                "<li><b>深烘</b>：苦味和焦糖感强，适合意式浓缩和加奶饮品。</li></ul>",
            ),
            (
                "新鲜度和保存",
                "<p>咖啡豆烘焙后的 7 到 30 天风味最好。买整豆，喝之前再磨粉；"
                "开封后挤出空气，密封避光常温保存，不要放进冰箱，以免受潮串味。</p>",
            ),
        ),
        quote=("不知道自己喜欢什么，就从中烘的拼配豆开始，然后一次换一个变量。", "烘焙师 阿木"),
    ),
    Guide(
        slug="pour-over-gear",
        title="手冲咖啡器具清单 | Pour-over gear you actually need",
        summary="滤杯、手冲壶、磨豆机和电子秤，入门手冲应该把预算花在哪里。",
        author="Emma Li",
        days_ago=53,
        tags=("food", "buying-tips"),
        kicker="Coffee",
        look=Look("cup", "#7f5539", "#b7b7a4"),
        intro=(
            "<p>手冲咖啡的乐趣在于可以控制每一个变量。但入门不需要一次买齐所有器具，"
            "把钱花在最影响风味的地方才是关键。</p>"
        ),
        checklist=("Burr grinder", "Gooseneck kettle", "Scale with timer", "Dripper and filters"),
        caption="预算有限时，优先买一台好的磨豆机。",
        sections=(
            (
                "磨豆机最重要",
                "<p>研磨是否均匀直接决定咖啡的味道。刀盘式磨豆机比刀片式均匀得多，"
                "手摇磨豆机价格适中，适合每天一两杯的用量。</p>",
            ),
            (
                "手冲壶和电子秤",
                "<p>细嘴手冲壶能让水流稳定可控；带计时功能的电子秤帮助你记录粉量、水量和时间。"
                "常用的入门比例是 1:15，例如 15 克咖啡粉配 225 毫升水，水温 90 到 93 ℃。</p>",
            ),
            (
                "滤杯与滤纸",
                "<ul><li>锥形滤杯流速快，风味明亮，需要一点技巧；</li>"
                "<li>平底滤杯萃取更稳定，适合新手；</li>"
                "<li>滤纸使用前用热水冲洗，去除纸味并预热器具。</li></ul>",
            ),
        ),
        quote=("记录每一杯的参数，比买新器具更能让你进步。", "咖啡师 小林"),
    ),
    Guide(
        slug="chinese-tea",
        title="六大茶类入门 | A beginner's map of Chinese tea",
        summary="绿茶、白茶、黄茶、青茶、红茶、黑茶有什么不同，怎么泡、怎么存。",
        author="林晓 Lin Xiao",
        days_ago=76,
        tags=("food", "beginners"),
        kicker="Tea",
        look=Look("cup", "#386641", "#a7c957"),
        intro=(
            "<p>中国茶按加工方式，尤其是发酵程度，分为六大类。同一片茶叶，做法不同，"
            "就能变成清爽的绿茶或醇厚的红茶。</p>"
        ),
        checklist=("Green", "White and yellow", "Oolong", "Black and dark"),
        caption="发酵程度从低到高：绿茶、白茶、黄茶、青茶、红茶、黑茶。",
        sections=(
            (
                "六大茶类速览",
                "<ul><li><b>绿茶</b>（龙井、碧螺春）：不发酵，鲜爽，用 80 ℃ 左右的水；</li>"
                "<li><b>白茶</b>（白毫银针、白牡丹）：轻微发酵，清甜，可存放；</li>"
                "<li><b>青茶 / 乌龙</b>（铁观音、大红袍）：半发酵，香气丰富，用沸水；</li>"
                "<li><b>红茶</b>（祁门、滇红）：全发酵，甜润，适合加奶；</li>"
                "<li><b>黑茶</b>（普洱熟茶、安化黑茶）：后发酵，醇厚，越陈越香。</li></ul>",
            ),
            (
                "怎么泡",
                "<p>盖碗最通用：投茶 5 克左右，水量约 110 毫升。第一泡快进快出，之后每泡逐渐延长"
                "时间。"
                "绿茶也可以用玻璃杯，先注水再投茶，避免烫熟嫩芽。</p>",
            ),
            (
                "怎么存",
                "<p>绿茶怕热怕光，密封后冷藏；乌龙和红茶常温避光密封；"
                "白茶和黑茶需要通风、无异味的环境，不要和香料、樟脑放在一起。</p>",
            ),
        ),
        quote=("茶无好坏，适口为珍。", "茶艺师 沈清"),
    ),
    Guide(
        slug="kids-picture-books",
        title="给孩子挑绘本 | Picking picture books for kids",
        summary="按年龄选书、怎么判断一本绘本好不好、亲子共读的小技巧。",
        author="陈一帆 Chen Yifan",
        days_ago=22,
        tags=("kids", "beginners"),
        kicker="Kids",
        look=Look("book", "#f4a261", "#264653"),
        intro=(
            "<p>绘本是孩子接触阅读的第一扇门。好的绘本图文互相补充，孩子每读一遍都能发现新的细节"
            "。</p>"
        ),
        checklist=("Right age", "Pictures tell the story", "Read aloud test", "Let kids choose"),
        caption="把书念出来听一听，好的文字读起来有节奏。",
        sections=(
            (
                "按年龄选",
                "<ul><li><b>0 到 2 岁</b>：纸板书、布书，图案大而简单，有重复的句子；</li>"
                "<li><b>3 到 5 岁</b>：有完整故事的绘本，贴近生活的主题，如上幼儿园、交朋友；</li>"
                "<li><b>6 到 8 岁</b>：桥梁书和科普绘本，文字增多，帮助过渡到独立阅读。</li></ul>",
            ),
            (
                "怎样判断一本好绘本",
                "<p>把文字遮住只看图，如果还能大致看懂故事，说明图画在讲故事而不只是装饰。"
                "再把文字念出来，好的绘本读起来顺口、有节奏。中英双语绘本可以先读母语，再对照英"
                "文。</p>",
            ),
            (
                "共读的小技巧",
                "<p>让孩子自己翻页，读到一半问问“你猜接下来会怎样”。同一本书孩子想读十遍也没关系，"
                "重复是他们理解和记忆的方式。每天固定 15 分钟的睡前共读，比周末一次读很多更有效"
                "。</p>",
            ),
        ),
        quote=("孩子不是因为被要求阅读而爱上阅读，而是因为被陪伴着阅读。", "童书编辑 方圆"),
    ),
    Guide(
        slug="child-car-seats",
        title="儿童安全座椅怎么选 | Child car seats explained",
        summary="按体重身高分组、ISOFIX 接口、反向安装到几岁——关于儿童安全座椅的关键知识。",
        author="Emma Li",
        days_ago=104,
        tags=("kids", "buying-tips"),
        kicker="Kids",
        look=Look("house", "#0081a7", "#fed9b7"),
        intro=(
            "<p>儿童乘车必须使用合适的安全座椅，大人的怀抱和普通安全带都无法在碰撞中保护孩子。"
            "选购时最重要的是认证、适用范围和正确安装。</p>"
        ),
        checklist=("CCC certified", "Fits child's size", "ISOFIX", "Rear-facing longer"),
        caption="安装后用力晃动座椅底座，左右移动不应超过 2.5 厘米。",
        sections=(
            (
                "认证与适用范围",
                "<p>在国内销售的儿童安全座椅必须有 3C 认证。按新标准，座椅按孩子的身高分段标注适"
                "用范围，"
                "购买时以孩子当前的身高和体重为准，而不是年龄。</p>",
            ),
            (
                "ISOFIX 与安装方式",
                "<ul><li>ISOFIX 接口安装简单、不易出错，大多数新车都配备；</li>"
                "<li>使用安全带固定的座椅通用性更好，但要严格按说明书穿带；</li>"
                "<li>购买前确认座椅与自己车型的兼容性。</li></ul>",
            ),
            (
                "反向安装尽量久",
                "<p>婴幼儿颈部较弱，反向安装能在碰撞时更好地分散冲击力。"
                "建议至少反向乘坐到 15 个月，身高允许的话可以更久。座椅不要安装在有安全气囊的副"
                "驾驶位置。</p>",
            ),
        ),
        quote=(
            "最贵的安全座椅，如果装错了，也比不上一个装对的普通座椅。",
            "儿童交通安全讲师 吴越",
        ),
    ),
    Guide(
        slug="kids-desk-and-chair",
        title="儿童学习桌椅怎么选 | A desk and chair that grow with your child",
        summary="可调节高度、桌面倾斜与坐姿：让孩子写作业时坐得舒服、看得清楚。",
        author="王芳 Wang Fang",
        days_ago=168,
        tags=("kids", "home"),
        kicker="Kids",
        look=Look("house", "#7a5c3e", "#5b8e7d"),
        intro=(
            "<p>孩子每天写作业、画画、阅读的时间可能超过两小时。合适的桌椅能帮助他们保持正确坐姿，"
            "减少驼背和近视的风险。</p>"
        ),
        checklist=("Adjustable height", "Feet flat on floor", "Tilting desktop", "Good light"),
        caption="坐下时双脚平放地面，大腿与地面平行。",
        sections=(
            (
                "高度可调最重要",
                "<p>孩子每年都在长高，能调节高度的桌椅可以用到初中。调好后的标准是：坐下时双脚平"
                "放地面，"
                "膝盖约成直角；手臂自然放在桌面时，肩膀不耸起。</p>",
            ),
            (
                "桌面与椅子",
                "<ul><li>阅读时桌面倾斜 15 度左右，可以减少低头；写字时调回水平；</li>"
                "<li>椅子要有腰部支撑，座深不要太深，孩子坐下时背部能靠到椅背；</li>"
                "<li>避免带轮子的转椅，孩子容易转来转去分心。</li></ul>",
            ),
            (
                "光线和环境",
                "<p>书桌最好放在窗边，让自然光从写字手的对侧照过来。晚上使用护眼台灯，同时打开房"
                "间的顶灯，"
                "避免明暗对比过强。</p>",
            ),
        ),
        quote=("坐姿习惯一旦养成就很难改，小学低年级是最关键的时期。", "儿童眼科医生 许安"),
    ),
)
