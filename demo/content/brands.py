"""Eight invented brands, one per main shelf of the demo shop."""

from .schema import Brand, BrandNews, Look

BRANDS = (
    Brand(
        slug="soundvalley",
        title="声谷 SoundValley",
        latin_name="SoundValley",
        initials="SV",
        look=Look("circle", "#2f6fde", "#f5a623"),
        tagline="听见安静，也听见细节 · Quiet where you want it, detail where it counts",
        story=(
            "<p>声谷 2014 年从深圳的一间声学实验室起步，最早只做耳机单元。创始团队相信，好声音不"
            "该只属于"
            "发烧友，于是把录音棚里的调音方法带进了日常耳机。</p>"
            "<p>今天的声谷产品线包括主动降噪耳机、运动耳机和便携音箱。每一款耳机都在消声室里经过 "
            "200 多项测试，"
            "并为亚洲人耳型准备了四种尺寸的耳塞套。</p>"
        ),
        website="https://soundvalley.example.com/",
        news=(
            BrandNews(
                12,
                "news",
                "新一代降噪耳机 Air Quiet 3 发布",
                "<p>降噪深度提升到 48 dB，单次续航 9 小时，支持 LDAC 与双设备连接。</p>",
            ),
            BrandNews(
                40,
                "activity",
                "门店试听周：带上你的歌单来",
                "<p>全国 30 家合作门店提供免费试听和耳道尺寸测量，活动期间下单赠送收纳包。</p>",
            ),
            BrandNews(
                95,
                "news",
                "声谷获得年度设计奖",
                "<p>运动耳机 Run Fit 凭借防汗设计与稳固佩戴获得年度工业设计奖。</p>",
            ),
        ),
    ),
    Brand(
        slug="galewind",
        title="疾风 Galewind",
        latin_name="Galewind",
        initials="G",
        look=Look("triangle", "#e63946", "#1d3557"),
        tagline="为每一公里而造 · Built for every kilometre",
        story=(
            "<p>疾风由几位马拉松爱好者在 2011 年创立。他们发现市面上的跑鞋大多按欧美脚型设计，"
            "于是收集了十万份中国跑者的脚型数据，重新设计鞋楦。</p>"
            "<p>疾风的跑鞋分为缓震、稳定和竞速三个系列，所有鞋款都标注建议跑量和适合的配速区间，"
            "帮助跑者按需选择，而不是只看外观。</p>"
        ),
        website="https://galewind.example.com/",
        news=(
            BrandNews(
                8,
                "activity",
                "城市夜跑团招募中",
                "<p>每周三晚 7 点，北京、上海、广州三地同步开跑，配速 6 到 7 分钟，新手友好。</p>",
            ),
            BrandNews(
                60,
                "news",
                "缓震系列 Cloud Step 5 上市",
                "<p>新中底材料回弹率提升 12%，前掌加宽 3 毫米，更适合宽脚跑者。</p>",
            ),
        ),
    ),
    Brand(
        slug="qinghe",
        title="青禾 Qinghe",
        latin_name="Qinghe",
        initials="QH",
        look=Look("leaf", "#2a9d8f", "#e9c46a"),
        tagline="简单成分，温和日常 · Simple ingredients for everyday skin",
        story=(
            "<p>青禾专注敏感肌护理。我们的配方师坚持“少即是多”：每款产品的成分不超过 20 种，"
            "不添加香精和酒精，并在包装上用中文写清每种成分的作用。</p>"
            "<p>所有新品在上市前都会经过第三方机构的人体斑贴测试，测试报告可以在官网查询。</p>"
        ),
        website="https://qinghe.example.com/",
        news=(
            BrandNews(
                20,
                "news",
                "温和氨基酸洁面乳全新升级",
                "<p>新配方 pH 值 5.5，洗后不紧绷，适合早晚使用。</p>",
            ),
            BrandNews(
                35,
                "activity",
                "肌肤测试日：免费皮肤检测",
                "<p>在线预约即可获得一次专业皮肤检测和护肤建议，名额每天 50 个。</p>",
            ),
            BrandNews(
                120,
                "news",
                "青禾空瓶回收计划上线",
                "<p>寄回 5 个空瓶即可兑换一支旅行装，回收的包装全部再生利用。</p>",
            ),
        ),
    ),
    Brand(
        slug="ridge-coffee",
        title="山脊咖啡 Ridge Coffee",
        latin_name="Ridge Coffee",
        initials="RC",
        look=Look("diamond", "#6b4226", "#e9a23b"),
        tagline="从产地到杯中，只隔一次烘焙 · One roast between the farm and your cup",
        story=(
            "<p>山脊咖啡与云南保山、普洱的二十多家咖啡农场直接合作，收购价高于市场价 30%，"
            "换来的是更细致的采摘和处理。</p>"
            "<p>我们每周小批量烘焙，包装袋上印有烘焙日期和建议赏味期。无论你用手冲、法压还是意式"
            "咖啡机，"
            "都能在包装背面找到对应的冲煮参数。</p>"
        ),
        website="https://ridgecoffee.example.com/",
        news=(
            BrandNews(
                5,
                "news",
                "新产季云南日晒豆到货",
                "<p>带有莓果与红糖风味，浅中烘焙，建议手冲水温 92 ℃。</p>",
            ),
            BrandNews(
                50,
                "activity",
                "周末杯测课",
                "<p>跟着烘焙师学习杯测，一次比较四支产区咖啡，适合入门爱好者。</p>",
            ),
        ),
    ),
    Brand(
        slug="bookworm",
        title="小书虫 Bookworm",
        latin_name="Bookworm",
        initials="BW",
        look=Look("star", "#f4a261", "#264653"),
        tagline="陪孩子读好每一本书 · Good books for growing readers",
        story=(
            "<p>小书虫是一家专注 0 到 12 岁儿童读物的出版品牌，由童书编辑和小学老师共同选书。"
            "我们按年龄和阅读能力给每本书分级，家长可以在封底找到建议年龄和共读提示。</p>"
            "<p>除了原创绘本，小书虫还引进了 40 多个国家的优秀童书，中英双语版本方便孩子对照阅读"
            "。</p>"
        ),
        website="https://bookworm.example.com/",
        news=(
            BrandNews(
                15,
                "activity",
                "暑期阅读挑战赛",
                "<p>读满 20 本书即可获得阅读证书和书签套装，活动持续到 8 月底。</p>",
            ),
            BrandNews(
                70,
                "news",
                "双语科普绘本系列上市",
                "<p>12 册，讲述天气、植物和身体的奥秘，适合 5 到 8 岁。</p>",
            ),
            BrandNews(
                150,
                "news",
                "小书虫故事会走进社区",
                "<p>每月第一个周六，在合作书店举办免费亲子故事会。</p>",
            ),
        ),
    ),
    Brand(
        slug="wood-and-home",
        title="木与家 Wood & Home",
        latin_name="Wood & Home",
        initials="W&H",
        look=Look("rounded", "#7a5c3e", "#5b8e7d"),
        tagline="让小空间也住得舒服 · Comfortable living in small spaces",
        story=(
            "<p>木与家的设计师大多住在城市小户型里，他们最清楚收纳和动线的烦恼。"
            "品牌的家具使用 FSC 认证木材，板材甲醛释放达到 ENF 级。</p>"
            "<p>所有产品都可以拆装，包装尺寸能进普通电梯。安装说明采用图示，一个人半小时内就能装"
            "好一张书桌。</p>"
        ),
        website="https://woodandhome.example.com/",
        news=(
            BrandNews(
                25,
                "news",
                "小户型收纳系列上新",
                "<p>抽屉柜、床底收纳箱和墙面洞洞板，帮你多出一平方米。</p>",
            ),
            BrandNews(
                90,
                "activity",
                "免费上门测量服务",
                "<p>在北京、杭州、成都下单定制柜体，可预约设计师免费上门测量。</p>",
            ),
        ),
    ),
    Brand(
        slug="lightpack",
        title="轻行 Lightpack",
        latin_name="Lightpack",
        initials="LP",
        look=Look("hexagon", "#3d5a80", "#98c1d9"),
        tagline="少带一点，走远一点 · Pack light, go further",
        story=(
            "<p>轻行做的是旅行箱包和户外装备。我们的 20 寸登机箱重量只有 2.3 公斤，"
            "万向轮经过 100 公里滚动测试，拉杆经过 1 万次伸缩测试。</p>"
            "<p>每个箱子都提供五年质保，轮子和拉杆可以单独更换，修好一个箱子比丢掉它更环保。</p>"
        ),
        website="https://lightpack.example.com/",
        news=(
            BrandNews(
                10,
                "activity",
                "旧箱换新：最高抵 200 元",
                "<p>任意品牌旧行李箱均可参与，回收后拆解再利用。</p>",
            ),
            BrandNews(
                80,
                "news",
                "超轻徒步背包 Trail 28 发布",
                "<p>28 升容量，背负系统可调，整包重量 860 克。</p>",
            ),
        ),
    ),
    Brand(
        slug="warmkitchen",
        title="暖厨 WarmKitchen",
        latin_name="WarmKitchen",
        initials="WK",
        look=Look("ring", "#d62828", "#fcbf49"),
        tagline="一个人也好好吃饭 · Cook well, even for one",
        story=(
            "<p>暖厨的小家电为一到三口之家设计：空气炸锅、电饭煲、多功能料理锅都有适合小家庭的容"
            "量，"
            "操作面板只保留最常用的功能。</p>"
            "<p>我们在官网和产品包装里提供上百份菜谱，每份都标注了准备时间和所需配件。</p>"
        ),
        website="https://warmkitchen.example.com/",
        news=(
            BrandNews(
                18,
                "news",
                "可视空气炸锅 Crisp View 上市",
                "<p>透明视窗，无需开锅就能看到食物状态，4.5 升容量适合两到三人。</p>",
            ),
            BrandNews(
                45,
                "activity",
                "晒出你的家常菜",
                "<p>上传使用暖厨小家电做的菜，每周评选 10 位送出定制围裙。</p>",
            ),
            BrandNews(
                130,
                "news",
                "售后服务网点扩展到 200 个城市",
                "<p>保修期内上门取件，维修完成后免费寄回。</p>",
            ),
        ),
    ),
)
