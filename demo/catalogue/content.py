"""What the demo catalogue sells. Names are Chinese with the English after them; the loader
puts each language in its own column (demo.bilingual).

Each line family (``LINES``) yields several products by crossing a base item with
model names; variants, prices, attributes and stock follow simple deterministic
rules so every run builds the same shop.
"""

from dataclasses import dataclass, field

# (slug, Chinese name + English, parent slug or None, description)
CATEGORIES = [
    ("electronics", "数码影音 Electronics", None, "耳机、音箱与随身数码。"),
    ("headphones", "耳机 Headphones", "electronics", "头戴、入耳与运动耳机。"),
    ("speakers", "音箱 Speakers", "electronics", "便携与桌面音箱。"),
    ("sports", "运动户外 Sports & outdoor", None, "跑步、徒步与旅行装备。"),
    ("running-shoes", "跑鞋 Running shoes", "sports", "路跑与越野跑鞋。"),
    ("backpacks", "背包 Backpacks", "sports", "通勤、徒步与旅行背包。"),
    ("outdoor-gear", "户外装备 Outdoor gear", "sports", "水壶、头灯与露营小物。"),
    ("food", "食品饮料 Food & drink", None, "好茶与好咖啡。"),
    ("tea", "茶叶 Tea", "food", "绿茶、乌龙、红茶与白茶。"),
    ("coffee", "咖啡 Coffee", "food", "咖啡豆与挂耳咖啡。"),
    ("books", "图书 Books", None, "童书与生活方式读物。"),
    ("childrens-books", "童书 Children's books", "books", "绘本、桥梁书与科普。"),
    ("lifestyle-books", "生活 Lifestyle books", "books", "饮食、家居与旅行。"),
    ("home", "家居 Home", None, "实木家具与收纳。"),
    ("furniture", "家具 Furniture", "home", "桌椅、书架与边几。"),
    ("storage", "收纳 Storage", "home", "收纳盒与置物架。"),
    ("kitchen", "厨房 Kitchen", None, "锅具与厨房小家电。"),
    ("cookware", "锅具 Cookware", "kitchen", "炒锅、汤锅与平底锅。"),
    ("appliances", "小家电 Small appliances", "kitchen", "电饭煲、空气炸锅与咖啡机。"),
]

# Product types: name, option names, attributes (code, name, kind, unit, choices, required,
# filterable, validator)
PRODUCT_TYPES = {
    "audio": (
        "Audio 音频设备",
        "颜色 Colour",
        "",
        [
            (
                "connection",
                "连接方式 Connection",
                "choice",
                "",
                "蓝牙 Bluetooth\n有线 Wired",
                True,
                True,
                "",
            ),
            ("noise-cancelling", "主动降噪 Noise cancelling", "boolean", "", "", False, True, ""),
            ("battery", "续航 Battery life", "number", "h", "", False, True, ""),
            ("weight", "重量 Weight", "number", "g", "", False, False, ""),
        ],
    ),
    "shoes": (
        "Shoes 鞋",
        "颜色 Colour",
        "尺码 Size",
        [
            ("terrain", "适用路面 Terrain", "choice", "", "公路 Road\n越野 Trail", True, True, ""),
            (
                "gender",
                "适用人群 For",
                "choice",
                "",
                "男款 Men\n女款 Women\n中性 Unisex",
                False,
                True,
                "",
            ),
            ("drop", "跟差 Heel drop", "number", "mm", "", False, False, ""),
        ],
    ),
    "bag": (
        "Bags 包袋",
        "颜色 Colour",
        "",
        [
            ("capacity", "容量 Capacity", "number", "L", "", True, True, ""),
            (
                "material",
                "面料 Material",
                "choice",
                "",
                "尼龙 Nylon\n帆布 Canvas\n聚酯纤维 Polyester",
                False,
                True,
                "",
            ),
            ("waterproof", "防泼水 Water-repellent", "boolean", "", "", False, True, ""),
        ],
    ),
    "food": (
        "Food & drink 食品饮料",
        "规格 Size",
        "",
        [
            (
                "origin",
                "产地 Origin",
                "choice",
                "",
                "云南 Yunnan\n福建 Fujian\n浙江 Zhejiang\n埃塞俄比亚 Ethiopia\n哥伦比亚 Colombia",
                True,
                True,
                "",
            ),
            ("net-weight", "净含量 Net weight", "number", "g", "", True, False, ""),
            ("best-before", "保质期至 Best before", "date", "", "", False, False, ""),
        ],
    ),
    "book": (
        "Book 图书",
        "版本 Edition",
        "",
        [
            ("isbn", "ISBN", "text", "", "", True, False, "isbn"),
            (
                "publisher",
                "出版社 Publisher",
                "choice",
                "",
                "小书虫出版社 Bookworm Press\n青禾文化 Qinghe Culture",
                True,
                False,
                "",
            ),
            ("published", "出版日期 Publication date", "date", "", "", False, False, ""),
            (
                "age",
                "适读年龄 Reading age",
                "choice",
                "",
                "0-3岁 Age 0-3\n3-6岁 Age 3-6\n6-12岁 Age 6-12\n成人 Adults",
                False,
                True,
                "",
            ),
        ],
    ),
    "home": (
        "Home goods 家居用品",
        "颜色 Colour",
        "",
        [
            (
                "material",
                "材质 Material",
                "choice",
                "",
                "橡木 Oak\n胡桃木 Walnut\n竹 Bamboo\n钢 Steel",
                True,
                True,
                "",
            ),
            ("assembly", "需要组装 Needs assembly", "boolean", "", "", False, True, ""),
        ],
    ),
    "kitchen": (
        "Kitchenware 厨具",
        "规格 Size",
        "",
        [
            (
                "material",
                "材质 Material",
                "choice",
                "",
                "铸铁 Cast iron\n不锈钢 Stainless steel\n不粘涂层 Non-stick",
                False,
                True,
                "",
            ),
            ("induction", "适用电磁炉 Induction ready", "boolean", "", "", False, True, ""),
            ("power", "功率 Power", "number", "W", "", False, False, ""),
        ],
    ),
}


@dataclass(frozen=True)
class Line:
    """A family of similar products in one category from one brand."""

    category: str
    brand: str
    product_type: str
    items: tuple[tuple[str, str], ...]  # (Chinese name, English name)
    models: tuple[str, ...]
    base_price: int
    motif: str
    colour: str
    options_1: tuple[str, ...] = ()
    options_2: tuple[str, ...] = ()
    weight_grams: int = 500
    attributes: dict = field(default_factory=dict)  # code -> list of values to rotate through


LINES = [
    Line(
        "headphones",
        "soundvalley",
        "audio",
        (
            ("无线降噪耳机", "Wireless noise-cancelling headphones"),
            ("真无线蓝牙耳机", "True wireless earbuds"),
            ("运动挂耳耳机", "Sport ear-hook earbuds"),
            ("有线监听耳机", "Wired studio headphones"),
        ),
        ("Q1", "Q3", "Q5", "Q7", "Pro", "Air", "Lite", "Studio"),
        199,
        "waves",
        "#2f6fb3",
        ("曜石黑 Black", "云雾白 White", "远山蓝 Blue"),
        weight_grams=300,
        attributes={
            "connection": ["蓝牙 Bluetooth", "蓝牙 Bluetooth", "有线 Wired"],
            "noise-cancelling": ["yes", "no"],
            "battery": ["24", "30", "36", "8"],
            "weight": ["250", "48", "32", "280"],
        },
    ),
    Line(
        "speakers",
        "soundvalley",
        "audio",
        (("便携蓝牙音箱", "Portable Bluetooth speaker"), ("桌面书架音箱", "Bookshelf speakers")),
        ("Go", "Go 2", "Mini", "Home", "Max", "Cube", "Boom", "Party"),
        259,
        "waves",
        "#1f4f86",
        ("石墨灰 Graphite", "沙丘 Sand"),
        weight_grams=900,
        attributes={
            "connection": ["蓝牙 Bluetooth", "有线 Wired"],
            "noise-cancelling": ["no"],
            "battery": ["12", "20"],
            "weight": ["560", "2100"],
        },
    ),
    Line(
        "running-shoes",
        "galewind",
        "shoes",
        (
            ("轻量缓震跑鞋", "Lightweight cushioned running shoes"),
            ("竞速碳板跑鞋", "Carbon-plate racing shoes"),
            ("越野跑鞋", "Trail running shoes"),
        ),
        ("Breeze 3", "Breeze 4", "Sprint", "Tempo", "Ridge", "Summit", "Daily", "Marathon"),
        399,
        "shoe",
        "#e0582b",
        ("烈焰红 Red", "极夜黑 Black"),
        ("39", "40", "41", "42", "43"),
        weight_grams=700,
        attributes={
            "terrain": ["公路 Road", "公路 Road", "越野 Trail"],
            "gender": ["男款 Men", "女款 Women", "中性 Unisex"],
            "drop": ["8", "6", "4"],
        },
    ),
    Line(
        "backpacks",
        "lightpack",
        "bag",
        (
            ("城市通勤双肩包", "City commuter backpack"),
            ("轻量徒步背包", "Lightweight hiking pack"),
            ("登机旅行背包", "Carry-on travel pack"),
        ),
        ("18", "22", "28", "35", "40", "Flex", "Urban", "Scout"),
        229,
        "bag",
        "#3e8e6a",
        ("橄榄绿 Olive", "岩石灰 Grey", "夜空蓝 Navy"),
        weight_grams=900,
        attributes={
            "capacity": ["18", "22", "28", "35", "40"],
            "material": ["尼龙 Nylon", "帆布 Canvas", "聚酯纤维 Polyester"],
            "waterproof": ["yes", "no"],
        },
    ),
    Line(
        "outdoor-gear",
        "lightpack",
        "bag",
        (("保温运动水壶", "Insulated sports bottle"), ("折叠收纳腰包", "Packable waist bag")),
        ("500", "750", "1000", "Mini", "Trail", "Camp", "Peak", "City"),
        89,
        "bag",
        "#2e7d5b",
        ("苔绿 Moss", "雪白 Snow"),
        weight_grams=350,
        attributes={
            "capacity": ["0.5", "0.75", "1", "2"],
            "material": ["聚酯纤维 Polyester", "尼龙 Nylon"],
            "waterproof": ["yes"],
        },
    ),
    Line(
        "tea",
        "qinghe",
        "food",
        (
            ("明前龙井绿茶", "Pre-Qingming Longjing green tea"),
            ("武夷岩茶大红袍", "Wuyi Da Hong Pao oolong"),
            ("云南滇红", "Yunnan black tea"),
            ("福鼎白茶", "Fuding white tea"),
        ),
        (
            "特级 Premium",
            "一级 Grade 1",
            "礼盒 Gift box",
            "罐装 Tin",
            "袋装 Pouch",
            "品鉴装 Tasting set",
            "春茶 Spring harvest",
            "老茶 Aged",
        ),
        88,
        "drop",
        "#5f8f3a",
        ("50g", "100g", "250g"),
        weight_grams=200,
        attributes={
            "origin": ["浙江 Zhejiang", "福建 Fujian", "云南 Yunnan", "福建 Fujian"],
            "net-weight": ["50", "100", "250"],
            "best-before": ["2027-06-30", "2027-12-31"],
        },
    ),
    Line(
        "coffee",
        "ridge-coffee",
        "food",
        (
            ("耶加雪菲咖啡豆", "Yirgacheffe coffee beans"),
            ("哥伦比亚咖啡豆", "Colombia coffee beans"),
            ("挂耳咖啡", "Drip-bag coffee"),
            ("意式拼配咖啡豆", "Espresso blend beans"),
        ),
        (
            "浅烘 Light roast",
            "中烘 Medium roast",
            "深烘 Dark roast",
            "季节限定 Seasonal",
            "大包装 Family pack",
            "日晒 Natural",
            "水洗 Washed",
            "冷萃 Cold brew",
        ),
        68,
        "cup",
        "#7a4a2a",
        ("227g", "454g"),
        weight_grams=300,
        attributes={
            "origin": [
                "埃塞俄比亚 Ethiopia",
                "哥伦比亚 Colombia",
                "云南 Yunnan",
                "哥伦比亚 Colombia",
            ],
            "net-weight": ["227", "454", "100"],
            "best-before": ["2027-03-31", "2027-05-31"],
        },
    ),
    Line(
        "childrens-books",
        "bookworm",
        "book",
        (
            ("好奇宝宝科普绘本", "Curious kids science picture book"),
            ("晚安故事集", "Bedtime stories"),
            ("桥梁书：小侦探", "Early reader: Little detective"),
            ("四季自然图鉴", "Nature through the seasons"),
        ),
        (
            "第1辑 Vol. 1",
            "第2辑 Vol. 2",
            "第3辑 Vol. 3",
            "第4辑 Vol. 4",
            "第5辑 Vol. 5",
            "第6辑 Vol. 6",
            "精装版 Hardcover",
            "套装 Box set",
        ),
        39,
        "book",
        "#c0392b",
        ("平装 Paperback", "精装 Hardcover"),
        weight_grams=400,
        attributes={
            "publisher": ["小书虫出版社 Bookworm Press", "青禾文化 Qinghe Culture"],
            "published": ["2023-05-01", "2024-09-15", "2025-01-10"],
            "age": ["0-3岁 Age 0-3", "3-6岁 Age 3-6", "6-12岁 Age 6-12"],
        },
    ),
    Line(
        "lifestyle-books",
        "bookworm",
        "book",
        (
            ("家常菜一百道", "One hundred home dishes"),
            ("小空间收纳术", "Storage for small homes"),
            ("慢旅行手册", "The slow travel handbook"),
        ),
        (
            "新版 New edition",
            "修订版 Revised",
            "图解版 Illustrated",
            "口袋版 Pocket",
            "典藏版 Collector's",
            "入门篇 Basics",
            "进阶篇 Advanced",
            "合订本 Omnibus",
        ),
        49,
        "book",
        "#8e44ad",
        ("平装 Paperback",),
        weight_grams=500,
        attributes={
            "publisher": ["小书虫出版社 Bookworm Press"],
            "published": ["2022-03-01", "2024-11-20"],
            "age": ["成人 Adults"],
        },
    ),
    Line(
        "furniture",
        "wood-and-home",
        "home",
        (
            ("实木书桌", "Solid wood desk"),
            ("北欧餐椅", "Nordic dining chair"),
            ("五层书架", "Five-shelf bookcase"),
            ("圆形边几", "Round side table"),
        ),
        ("S", "M", "L", "Classic", "Studio", "Loft", "Nordic", "Kids"),
        399,
        "house",
        "#a0763d",
        ("原木色 Natural", "胡桃色 Walnut"),
        weight_grams=15000,
        attributes={
            "material": ["橡木 Oak", "胡桃木 Walnut", "竹 Bamboo"],
            "assembly": ["yes", "no"],
        },
    ),
    Line(
        "storage",
        "wood-and-home",
        "home",
        (
            ("竹制收纳盒", "Bamboo storage box"),
            ("金属置物架", "Steel shelving unit"),
            ("抽屉分隔盒", "Drawer organiser"),
        ),
        (
            "小号 Small",
            "中号 Medium",
            "大号 Large",
            "三件套 Set of 3",
            "加高 Tall",
            "窄款 Slim",
            "加宽 Wide",
            "带轮 On wheels",
        ),
        49,
        "grid",
        "#b08d57",
        ("原色 Natural", "白色 White"),
        weight_grams=1200,
        attributes={"material": ["竹 Bamboo", "钢 Steel", "竹 Bamboo"], "assembly": ["no", "yes"]},
    ),
    Line(
        "cookware",
        "warmkitchen",
        "kitchen",
        (
            ("铸铁炖锅", "Cast-iron casserole"),
            ("不粘平底锅", "Non-stick frying pan"),
            ("不锈钢汤锅", "Stainless stockpot"),
            ("中式炒锅", "Chinese wok"),
        ),
        ("20cm", "24cm", "28cm", "32cm", "Pro", "Chef", "Family", "Mini"),
        159,
        "cup",
        "#c8553d",
        ("标准 Standard", "带盖 With lid"),
        weight_grams=2500,
        attributes={
            "material": [
                "铸铁 Cast iron",
                "不粘涂层 Non-stick",
                "不锈钢 Stainless steel",
                "铸铁 Cast iron",
            ],
            "induction": ["yes", "yes", "no"],
        },
    ),
    Line(
        "appliances",
        "warmkitchen",
        "kitchen",
        (
            ("智能电饭煲", "Smart rice cooker"),
            ("空气炸锅", "Air fryer"),
            ("手冲咖啡壶", "Pour-over kettle"),
            ("多功能料理机", "Multi-function blender"),
        ),
        ("3L", "4L", "5L", "Mini", "Plus", "Max", "Smart", "Classic"),
        299,
        "grid",
        "#d35400",
        ("珍珠白 White", "雾霾蓝 Blue"),
        weight_grams=4000,
        attributes={
            "material": ["不粘涂层 Non-stick", "不锈钢 Stainless steel"],
            "induction": ["no"],
            "power": ["860", "1500", "1200", "800"],
        },
    ),
]

# Base ISBN stems (prefix 978-7 for Chinese publishers); the check digit is computed.
ISBN_STEM = "978711154"

SHIPPING_METHODS = [
    # code, name, description, base, first g, step g, step fee, free from, sort
    (
        "standard",
        "普通快递 Standard courier",
        "2–4 天送达 Delivery in 2–4 days",
        "10.00",
        1000,
        1000,
        "5.00",
        "99.00",
        1,
    ),
    (
        "sf-express",
        "顺丰次日达 SF next day",
        "次日送达（部分地区除外） Next day in most cities",
        "18.00",
        1000,
        1000,
        "8.00",
        "299.00",
        2,
    ),
    (
        "freight",
        "大件物流 Bulky freight",
        "3–7 天，送货上门 Delivered to the door in 3–7 days",
        "60.00",
        20000,
        5000,
        "20.00",
        "1999.00",
        3,
    ),
]
REMOTE_SURCHARGES = {
    "xinjiang": "20.00",
    "tibet": "25.00",
    "qinghai": "15.00",
    "inner_mongolia": "10.00",
    "gansu": "10.00",
    "ningxia": "10.00",
    "hainan": "5.00",
}

# Usage notes per product type, shown as tips on the product page (F-13).
TIPS = {
    "audio": [
        (
            "usage",
            "首次配对 First pairing",
            "<p>长按电源键 5 秒进入配对模式，在手机蓝牙列表中选择设备即可。"
            "Hold the power button for 5 seconds, then pick the device in your phone's "
            "Bluetooth list.</p>",
        ),
        (
            "knowledge",
            "降噪原理 How noise cancelling works",
            "<p>麦克风采集环境噪声，耳机播放相位相反的声波将其抵消。"
            "Microphones pick up ambient noise and the speaker plays the opposite wave to "
            "cancel it.</p>",
        ),
    ],
    "shoes": [
        (
            "tip",
            "尺码建议 Sizing",
            "<p>跑步时脚会略微膨胀，建议比日常鞋大半码。Feet swell on longer runs: "
            "choose half a size up from your everyday shoes.</p>",
        ),
        (
            "usage",
            "保养 Care",
            "<p>请勿机洗或暴晒，用软刷清洁后自然阴干。Do not machine-wash; brush clean and "
            "air-dry away from the sun.</p>",
        ),
    ],
    "bag": [
        (
            "tip",
            "背负调整 Fitting",
            "<p>先收紧腰带，再调整肩带，让重量落在髋部。Tighten the hip belt first, "
            "then the shoulder straps, so the weight sits on your hips.</p>",
        )
    ],
    "food": [
        (
            "usage",
            "冲泡建议 Brewing",
            "<p>绿茶用 80°C 水，乌龙与红茶用 95°C；咖啡粉水比约 1:15。Green tea at "
            "80°C, oolong and black tea at 95°C; coffee at about 1:15.</p>",
        ),
        (
            "knowledge",
            "储存 Storage",
            "<p>开封后密封避光冷藏，一个月内饮用风味最佳。Once opened keep it sealed, "
            "dark and cool; best within a month.</p>",
        ),
    ],
    "book": [
        (
            "tip",
            "亲子共读 Reading together",
            "<p>每天 15 分钟，让孩子自己翻页并复述故事。Fifteen minutes a "
            "day: let children turn the pages and retell the story.</p>",
        )
    ],
    "home": [
        (
            "usage",
            "安装 Assembly",
            "<p>附带图文安装说明与工具，两人约 30 分钟完成。Illustrated instructions "
            "and tools included; two people need about 30 minutes.</p>",
        )
    ],
    "kitchen": [
        (
            "usage",
            "开锅 Seasoning",
            "<p>铸铁锅首次使用前请清洗、擦干并薄涂一层食用油加热。Wash, dry and "
            "heat a cast-iron pot with a thin coat of oil before first use.</p>",
        ),
        (
            "tip",
            "清洁 Cleaning",
            "<p>不粘涂层请使用木铲或硅胶铲。Use wooden or silicone tools on "
            "non-stick coatings.</p>",
        ),
    ],
}

LINE_TAGS = {
    "headphones": ["降噪 noise-cancelling", "通勤 commute"],
    "speakers": ["派对 party"],
    "running-shoes": ["跑步 running"],
    "backpacks": ["通勤 commute", "旅行 travel"],
    "outdoor-gear": ["旅行 travel"],
    "tea": ["送礼 gifts"],
    "coffee": ["送礼 gifts"],
    "childrens-books": ["亲子 family"],
    "lifestyle-books": ["居家 home"],
    "furniture": ["居家 home"],
    "storage": ["居家 home"],
    "cookware": ["厨房 kitchen"],
    "appliances": ["厨房 kitchen", "送礼 gifts"],
}

# Guides that recommend products of a category get a product-cards block.
GUIDE_PRODUCTS = {
    "noise-cancelling-earbuds": "headphones",
    "bluetooth-speakers": "speakers",
    "running-shoes": "running-shoes",
    "coffee-beans": "coffee",
    "chinese-tea": "tea",
    "kids-picture-books": "childrens-books",
    "air-fryer": "appliances",
    "rice-cooker": "appliances",
    "small-space-storage": "storage",
    "insulated-bottles": "outdoor-gear",
    "pour-over-gear": "coffee",
}

# The categories' descriptions in English (CATEGORIES holds the Chinese ones).
CATEGORY_DESCRIPTIONS_EN = {
    "electronics": "Headphones, speakers and everyday gadgets.",
    "headphones": "Over-ear, in-ear and sports headphones.",
    "speakers": "Portable and desktop speakers.",
    "sports": "Gear for running, hiking and travel.",
    "running-shoes": "Road and trail running shoes.",
    "backpacks": "Commuter, hiking and travel backpacks.",
    "outdoor-gear": "Bottles, head torches and camping essentials.",
    "food": "Good tea and good coffee.",
    "tea": "Green, oolong, black and white tea.",
    "coffee": "Coffee beans and drip bags.",
    "books": "Children's books and lifestyle reads.",
    "childrens-books": "Picture books, early readers and popular science.",
    "lifestyle-books": "Cooking, home and travel.",
    "home": "Solid-wood furniture and storage.",
    "furniture": "Desks, chairs, bookcases and side tables.",
    "storage": "Storage boxes and shelving.",
    "kitchen": "Cookware and small kitchen appliances.",
    "cookware": "Woks, stockpots and frying pans.",
    "appliances": "Rice cookers, air fryers and coffee makers.",
}
