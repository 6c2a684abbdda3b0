"""A curated first set of synonym groups, so search understands the shop's everyday words.

Shoppers shorten names (拉杆箱 for 拉杆行李箱), use regional words (西红柿 for 番茄)
and everyday ones (拖鞋 for 凉拖), or English. The groups cover the demo shop's
categories (audio, sports and outdoor, tea and coffee, books, home, kitchen) and a
few words every shop meets. They are ordinary rows, edited in the admin under
*Search → Synonyms* like any other.

A group is added only when none of its terms is in a group already (a merchandiser
may have made their own), so running this on a shop that has groups changes none
of them. Going back removes only the groups still exactly as added here.
"""

import re

from django.db import migrations

DEFAULT_GROUPS = [
    # Everyday words and shortened names
    "番茄, 西红柿, tomato",
    "土豆, 马铃薯, potato",
    "拖鞋, 凉拖, 凉拖鞋, slippers",
    "拉杆箱, 拉杆行李箱, trolley case",
    "行李箱, 旅行箱, suitcase",
    "充电宝, 移动电源, power bank",
    "数据线, 充电线, charging cable",
    "充电器, 充电头, 充电插头, charger",
    "手机壳, 手机套, 手机保护壳, phone case",
    "手机膜, 钢化膜, 手机贴膜, screen protector",
    "插线板, 插排, 排插, power strip",
    "纸巾, 抽纸, 面巾纸, tissues",
    "中性笔, 签字笔, 水笔, gel pen",
    "羽绒服, 羽绒衣, down jacket",
    "吹风机, 电吹风, 风筒, hair dryer",
    # Audio
    "音箱, 音响",
    "头戴耳机, 头戴式耳机, over-ear headphones",
    # Sports and outdoor
    "跑鞋, 跑步鞋, running shoes",
    "双肩包, 背包, backpack",
    "登山包, 徒步背包, 徒步包, hiking backpack",
    "登山鞋, 徒步鞋, hiking shoes",
    "腰包, 腰带包, waist bag, fanny pack",
    "运动水壶, 运动水杯, 运动水瓶, sports bottle",
    "保温杯, 保温瓶, thermos",
    # Tea and coffee
    "绿茶, green tea",
    "红茶, black tea",
    "白茶, white tea",
    "乌龙茶, 乌龙, oolong",
    "咖啡豆, coffee beans",
    "挂耳咖啡, 挂耳, 滤挂咖啡, 滤挂, drip coffee",
    # Books
    "绘本, 图画书, picture book",
    "童书, 儿童书, 儿童读物, 儿童图书",
    # Home
    "书桌, 写字台, 写字桌, desk",
    "书架, 书柜, bookcase, bookshelf",
    "边几, 角几, side table",
    "收纳盒, 储物盒, 整理盒, storage box",
    "置物架, 收纳架, 储物架, shelving",
    # Kitchen
    "平底锅, 煎锅, frying pan",
    "炒锅, 炒菜锅, wok",
    "汤锅, 煮锅, stockpot",
    "炖锅, 焖锅, casserole",
    "不粘锅, 不沾锅, non-stick pan",
    "电饭煲, 电饭锅, rice cooker",
    "空气炸锅, 无油炸锅, air fryer",
    "料理机, 破壁机, 搅拌机, blender",
    "手冲壶, 手冲咖啡壶, 细口壶, pour-over kettle",
]


def _terms(text: str) -> list[str]:
    """A group's terms, split as search.models.split_terms splits them."""
    return [term.strip() for term in re.split(r"[,，、;；\n]+", text) if term.strip()]


def _bump_synonyms_version():
    # Processes that cached the groups before this migration read them again.
    from search.synonyms import bump_synonyms_version

    bump_synonyms_version()


def add_default_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    taken = {term.lower() for group in SynonymGroup.objects.all() for term in _terms(group.terms)}
    new = [text for text in DEFAULT_GROUPS if not taken & {term.lower() for term in _terms(text)}]
    SynonymGroup.objects.bulk_create([SynonymGroup(terms=text) for text in new])
    if new:
        _bump_synonyms_version()


def remove_default_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=DEFAULT_GROUPS).delete()
    _bump_synonyms_version()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_merchandiser_rights")]

    operations = [migrations.RunPython(add_default_groups, remove_default_groups)]
