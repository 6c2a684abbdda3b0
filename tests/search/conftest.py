"""A small bilingual catalogue for search tests, built with factories.

| key          | name                                   | category         | brand    | price |
| sony_xm5     | 索尼 WH-1000XM5 无线蓝牙降噪耳机        | 数码/耳机         | 索尼 Sony | 2499 |
| sony_wf      | Sony WF-C700N 真无线蓝牙耳机 入耳式     | 数码/耳机         | 索尼 Sony |  599 |
| freebuds     | 华为 FreeBuds Pro 3 无线耳机            | 数码/耳机         | 华为      | 1199 |
| redmi_buds   | 小米 Redmi Buds 5 蓝牙耳机              | 数码/耳机         | 小米      |  199 |
| airpods      | Apple AirPods Pro 第二代                 | 数码/耳机         | Apple    | 1899 |
| wired        | Type-C 有线耳机                          | 数码/耳机         | 小米      |   49 |
| speaker      | 小米 蓝牙音箱 便携防水                    | 数码/音箱         | 小米      |  149 |
| iphone       | Apple iPhone 15 128GB 手机              | 数码/手机         | Apple    | 5999 |
| mate60       | 华为 Mate 60 Pro 智能手机                | 数码/手机         | 华为      | 6999 |
| xiaomi14     | 小米 14 Ultra 徕卡影像手机               | 数码/手机         | 小米      | 5999 |
| iphone_case  | iPhone 15 透明硅胶手机壳                  | 数码/手机配件     | Apple    |   99 |
| mate_case    | 华为 Mate 60 防摔手机壳                   | 数码/手机配件     | 华为      |   59 |
| charger      | Anker 65W 氮化镓充电器 USB-C             | 数码/手机配件     | Anker    |  149 |
| mx_keys      | 罗技 MX Keys 无线键盘                    | 电脑办公/键盘     | 罗技      |  699 |
| gpro         | 罗技 G Pro X 机械键盘 青轴                | 电脑办公/键盘     | 罗技      |  899 |
| mx_master    | 罗技 MX Master 3S 无线鼠标                | 电脑办公/鼠标     | 罗技      |  749 |
| vertical     | 人体工学垂直鼠标                         | 电脑办公/鼠标     | —        |  129 |
| three_body   | 三体 刘慈欣 科幻小说                      | 图书              | —        |   93 |
| python_book  | Python编程 从入门到实践                   | 图书              | —        |   89 |
| chitu        | 李宁 赤兔6 跑步鞋 男款                    | 运动户外/跑步鞋  | 李宁      |  399 |
| chaoqing     | 李宁 超轻21 女子跑鞋                     | 运动户外/跑步鞋  | 李宁      |  459 |
| teapot       | 宜兴紫砂茶壶 手工                         | 家居/茶具         | —        |  299 |
| tea_set      | 玻璃茶具套装                             | 家居/茶具         | —        |  159 |
| draft        | 索尼 蓝牙音箱 SRS-XB100 (never published) | 数码/音箱        | 索尼 Sony |  399 |

English words live in the tags (as merchandisers add them), ISBNs in a book attribute.
"""

from types import SimpleNamespace

import pytest

from tests.factories import (
    BrandPageFactory,
    GuidePageFactory,
    HelpArticlePageFactory,
    HelpCategoryPageFactory,
)
from tests.factories.catalogue import make_category, make_product, make_product_type

PRODUCTS = [
    # key, name, category key, brand key, price, attributes, tags
    (
        "sony_xm5",
        "索尼 WH-1000XM5 无线蓝牙降噪耳机",
        "headphones",
        "sony",
        "2499.00",
        {"colour": "黑色"},
        ["蓝牙耳机", "headphones", "noise cancelling"],
    ),
    (
        "sony_wf",
        "Sony WF-C700N 真无线蓝牙耳机 入耳式",
        "headphones",
        "sony",
        "599.00",
        {"colour": "白色"},
        ["earbuds", "wireless"],
    ),
    (
        "freebuds",
        "华为 FreeBuds Pro 3 无线耳机",
        "headphones",
        "huawei",
        "1199.00",
        {"colour": "白色"},
        ["蓝牙耳机", "earbuds"],
    ),
    (
        "redmi_buds",
        "小米 Redmi Buds 5 蓝牙耳机",
        "headphones",
        "xiaomi",
        "199.00",
        {"colour": "黑色"},
        ["earbuds"],
    ),
    (
        "airpods",
        "Apple AirPods Pro 第二代",
        "headphones",
        "apple",
        "1899.00",
        {"colour": "白色"},
        ["蓝牙耳机", "noise cancelling", "earbuds"],
    ),
    (
        "wired",
        "Type-C 有线耳机",
        "headphones",
        "xiaomi",
        "49.00",
        {"colour": "白色"},
        ["wired headphones"],
    ),
    (
        "speaker",
        "小米 蓝牙音箱 便携防水",
        "speakers",
        "xiaomi",
        "149.00",
        {"colour": "黑色"},
        ["speaker"],
    ),
    (
        "iphone",
        "Apple iPhone 15 128GB 手机",
        "phones",
        "apple",
        "5999.00",
        {"colour": "黑色", "storage": "128"},
        ["smartphone", "mobile phone"],
    ),
    (
        "mate60",
        "华为 Mate 60 Pro 智能手机",
        "phones",
        "huawei",
        "6999.00",
        {"colour": "黑色", "storage": "256"},
        ["smartphone", "mobile phone"],
    ),
    (
        "xiaomi14",
        "小米 14 Ultra 徕卡影像手机",
        "phones",
        "xiaomi",
        "5999.00",
        {"colour": "白色", "storage": "256"},
        ["smartphone", "camera phone"],
    ),
    (
        "iphone_case",
        "iPhone 15 透明硅胶手机壳",
        "accessories",
        "apple",
        "99.00",
        {"colour": "透明"},
        ["phone case"],
    ),
    (
        "mate_case",
        "华为 Mate 60 防摔手机壳",
        "accessories",
        "huawei",
        "59.00",
        {"colour": "黑色"},
        ["phone case"],
    ),
    (
        "charger",
        "Anker 65W 氮化镓充电器 USB-C",
        "accessories",
        "anker",
        "149.00",
        {"colour": "白色"},
        ["charger", "快充"],
    ),
    (
        "mx_keys",
        "罗技 MX Keys 无线键盘",
        "keyboards",
        "logitech",
        "699.00",
        {"colour": "黑色"},
        ["keyboard", "wireless"],
    ),
    (
        "gpro",
        "罗技 G Pro X 机械键盘 青轴",
        "keyboards",
        "logitech",
        "899.00",
        {"colour": "黑色"},
        ["mechanical keyboard", "gaming"],
    ),
    (
        "mx_master",
        "罗技 MX Master 3S 无线鼠标",
        "mice",
        "logitech",
        "749.00",
        {"colour": "黑色"},
        ["mouse", "wireless"],
    ),
    (
        "vertical",
        "人体工学垂直鼠标",
        "mice",
        None,
        "129.00",
        {"colour": "黑色"},
        ["ergonomic mouse"],
    ),
    (
        "three_body",
        "三体 刘慈欣 科幻小说",
        "books",
        None,
        "93.00",
        {"isbn": "978-7-5366-9293-0", "author": "刘慈欣"},
        ["science fiction", "novel"],
    ),
    (
        "python_book",
        "Python编程 从入门到实践",
        "books",
        None,
        "89.00",
        {"isbn": "978-7-115-54608-1", "author": "Eric Matthes"},
        ["programming"],
    ),
    (
        "chitu",
        "李宁 赤兔6 跑步鞋 男款",
        "running",
        "lining",
        "399.00",
        {"size": "42"},
        ["running shoes"],
    ),
    (
        "chaoqing",
        "李宁 超轻21 女子跑鞋",
        "running",
        "lining",
        "459.00",
        {"size": "38"},
        ["running shoes"],
    ),
    ("teapot", "宜兴紫砂茶壶 手工", "tea", None, "299.00", {"colour": "紫色"}, ["teapot"]),
    ("tea_set", "玻璃茶具套装", "tea", None, "159.00", {"colour": "透明"}, ["tea set", "glass"]),
]

GADGET = [
    {"code": "colour", "name": "Colour", "kind": "choice", "filterable": True},
    {
        "code": "storage",
        "name": "Storage",
        "kind": "choice",
        "choices": "128\n256",
        "unit": "GB",
        "filterable": True,
    },
]
BOOK = [
    {"code": "isbn", "name": "ISBN", "kind": "text", "validator": "isbn"},
    {"code": "author", "name": "Author", "kind": "text"},
]
SHOE = [{"code": "size", "name": "Size", "kind": "choice", "filterable": True}]


def _categories() -> dict:
    digital = make_category("数码", "digital")
    computer = make_category("电脑办公", "computer")
    sports = make_category("运动户外", "sports")
    home = make_category("家居", "home-living")
    return {
        "digital": digital,
        "computer": computer,
        "sports": sports,
        "home": home,
        "headphones": make_category("耳机", "headphones", parent=digital),
        "speakers": make_category("音箱", "speakers", parent=digital),
        "phones": make_category("手机", "phones", parent=digital),
        "accessories": make_category("手机配件", "phone-accessories", parent=digital),
        "keyboards": make_category("键盘", "keyboards", parent=computer),
        "mice": make_category("鼠标", "mice", parent=computer),
        "books": make_category("图书", "books"),
        "running": make_category("跑步鞋", "running-shoes", parent=sports),
        "tea": make_category("茶具", "tea", parent=home),
    }


def _brands() -> dict:
    names = {
        "sony": "索尼 Sony",
        "huawei": "华为",
        "xiaomi": "小米",
        "apple": "Apple",
        "anker": "Anker",
        "logitech": "罗技",
        "lining": "李宁",
    }
    return {key: BrandPageFactory(title=title, slug=key) for key, title in names.items()}


def tag_and_publish(product, tags: list[str]):
    """Tags are content: add them and publish a new revision, as an editor would."""
    product.tags.add(*tags)
    product.save_revision().publish()
    product.refresh_from_db()
    return product


@pytest.fixture
def shop(site_tree):
    categories = _categories()
    brands = _brands()
    types = {
        "gadget": make_product_type("Gadget", attributes=GADGET),
        "book": make_product_type("Book", attributes=BOOK),
        "shoe": make_product_type("Shoe", attributes=SHOE),
    }
    type_for = {"books": "book", "running": "shoe"}
    products = {}
    for key, name, category, brand, price, attributes, tags in PRODUCTS:
        product = make_product(
            name=name,
            category=categories[category],
            brand=brands.get(brand),
            product_type=types[type_for.get(category, "gadget")],
            prices=[price],
            attributes=attributes,
        )
        products[key] = tag_and_publish(product, tags)
    products["draft"] = make_product(
        name="索尼 蓝牙音箱 SRS-XB100",
        category=categories["speakers"],
        brand=brands["sony"],
        product_type=types["gadget"],
        prices=["399.00"],
        attributes={"colour": "黑色"},
        live=False,
    )
    help_category = HelpCategoryPageFactory(title="售后服务", slug="after-sales")
    guides = {
        "earphones": GuidePageFactory(
            title="2024 蓝牙耳机选购指南",
            slug="earphone-guide",
            summary="降噪、续航和佩戴舒适度怎么选。",
            body=[{"type": "rich_text", "value": "<p>选购降噪耳机前先看续航。</p>"}],
            tags=["耳机"],
        ),
        "tea": GuidePageFactory(
            title="紫砂壶入门",
            slug="teapot-guide",
            summary="第一把紫砂壶怎么挑。",
            body=[{"type": "rich_text", "value": "<p>泡茶的器具。</p>"}],
        ),
    }
    help_article = HelpArticlePageFactory(
        title="如何申请退货退款",
        slug="returns",
        parent=help_category,
        summary="七天无理由退货的步骤。",
        body=[
            {
                "type": "step",
                "value": {
                    "title": "提交申请",
                    "text": "<p>在订单页点击退货。</p>",
                    "image": None,
                    "alt_text": "",
                },
            }
        ],
    )
    return SimpleNamespace(
        categories=categories,
        brands=brands,
        products=products,
        guides=guides,
        help_article=help_article,
    )


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English; the shop's default language is Chinese."""
    settings.LANGUAGE_CODE = "en"


# A second catalogue for the unseen relevance set (test_relevance_unseen.py): everyday goods with
# brand names jieba does not know, shortened and regional names, and English only in the summary
# or description, as a merchandiser writes them. Added beside the catalogue above.
UNSEEN_CATEGORIES = [
    # key, name, slug, parent key (None: top level; or a key of the catalogue above)
    ("luggage", "箱包", "luggage", None),
    ("suitcases", "行李箱", "suitcases", "luggage"),
    ("fresh", "生鲜", "fresh", None),
    ("vegetables", "蔬菜", "vegetables", "fresh"),
    ("shoes", "鞋靴", "shoes", None),
    ("mens_shoes", "男鞋", "mens-shoes", "shoes"),
    ("appliances", "家用电器", "appliances", None),
    ("cleaning", "清洁电器", "cleaning", "appliances"),
    ("kitchen", "厨房电器", "kitchen-appliances", "appliances"),
    ("personal_care", "个护电器", "personal-care", "appliances"),
    ("cookware", "锅具", "cookware", "home"),
    ("drinkware", "水杯", "drinkware", "home"),
    ("stationery", "文具", "stationery", None),
    ("electrical", "电工电料", "electrical", None),
    ("paper", "纸品", "paper", "home"),
    ("clothing", "服饰", "clothing", None),
    ("coats", "外套", "coats", "clothing"),
]
UNSEEN_PRODUCTS = [
    # key, name, category key, summary, description (rich text)
    (
        "trolley",
        "新秀丽 拉杆行李箱 20寸 登机箱",
        "suitcases",
        "Samsonite 20-inch carry-on",
        "<p>Hard-shell spinner suitcase with a TSA lock.</p>",
    ),
    ("tomato", "山东有机番茄 新鲜蔬菜 2.5kg", "vegetables", "Organic tomatoes from Shandong", ""),
    ("slides", "夏季男士凉拖 防滑软底", "mens_shoes", "Men's non-slip summer slides", ""),
    (
        "robot",
        "追觅 X30 扫地机器人 自动集尘",
        "cleaning",
        "Dreame X30",
        "<p>Robot vacuum and mop with a self-emptying base.</p>",
    ),
    ("window_robot", "科沃斯 窗宝 擦窗机器人", "cleaning", "Ecovacs window cleaning robot", ""),
    ("soymilk", "九阳 破壁豆浆机 1.2L 家用", "kitchen", "Joyoung soy milk maker", ""),
    (
        "wok",
        "苏泊尔 不粘炒锅 32cm",
        "cookware",
        "Supor, 32 cm",
        "<p>Non-stick wok for gas &amp; induction hobs.</p>",
    ),
    ("rice_cooker", "美的 智能电饭煲 4L 预约", "kitchen", "Midea smart rice cooker, 4 litres", ""),
    ("power_bank", "罗马仕 充电宝 20000毫安 快充", "accessories", "Romoss power bank", ""),
    ("cable", "绿联 Type-C 数据线 1米 快充", "accessories", "UGREEN USB-C cable, 1 m", ""),
    ("gel_pen", "得力 中性笔 0.5mm 黑色 12支装", "stationery", "Deli 0.5 mm gel pens, 12", ""),
    ("power_strip", "公牛 插线板 五孔位 1.8米", "electrical", "Bull extension lead", ""),
    ("tissues", "洁柔 抽纸 3层120抽 24包", "paper", "C&S facial tissue, 24 packs", ""),
    (
        "privacy_film",
        "iPhone 15 防窥钢化膜 高清",
        "accessories",
        "Privacy tempered glass for iPhone 15",
        "",
    ),
    ("thermos", "膳魔师 不锈钢保温杯 500ml", "drinkware", "Thermos vacuum flask, 500 ml", ""),
    ("dryer", "戴森 Supersonic 吹风机 负离子", "personal_care", "Dyson Supersonic hair dryer", ""),
    ("toothbrush", "飞利浦 声波电动牙刷 HX6730", "personal_care", "Philips sonic toothbrush", ""),
    (
        "picture_book",
        "好奇宝宝 科普绘本 全8册",
        "books",
        "Curious kids",
        "<p>Eight science picture books for ages 3 to 6.</p>",
    ),
    ("down_jacket", "波司登 男士羽绒服 冬季加厚", "coats", "Bosideng men's down jacket", ""),
    ("hiking_shoes", "骆驼 登山鞋 防滑耐磨 男款", "mens_shoes", "Camel hiking shoes", ""),
    ("sun_jacket", "蕉下 冰丝防晒衣 UPF50+", "coats", "Beneunder UPF 50+ sun jacket", ""),
]


@pytest.fixture
def unseen_shop(shop):
    """The catalogue above plus UNSEEN_PRODUCTS (no brand pages: the brand is in the name)."""
    categories = dict(shop.categories)
    for key, name, slug, parent in UNSEEN_CATEGORIES:
        categories[key] = make_category(name, slug, parent=categories.get(parent))
    goods = make_product_type("Goods")
    products = dict(shop.products)
    for key, name, category, summary, description in UNSEEN_PRODUCTS:
        product = make_product(
            name=name, category=categories[category], product_type=goods, live=False
        )
        product.summary, product.description = summary, description
        product.save()
        product.save_revision().publish()
        product.refresh_from_db()
        products[key] = product
    return SimpleNamespace(**{**vars(shop), "categories": categories, "products": products})
