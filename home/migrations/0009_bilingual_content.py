"""The home page, announcements and shop settings in both languages: a Chinese and an English
column for the home page body, the announcements' text and the settings shoppers read, the
Chinese one filled with today's text, in the rows and in the home page's revisions.
"""

import wagtail.fields
from django.db import migrations, models

from core import bilingual

B = bilingual
STYLES = {
    "HomePage": {"body": B.COPY},
    "Announcement": {"text": B.COPY},
    "ShopSettings": {
        "payment_methods_info": B.COPY,
        "shipping_info": B.COPY,
        "service_hours": B.COPY,
        "footer_links": B.COPY,
        "footer_note": B.COPY,
    },
}


def split_content(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("home", model_name), styles)
        B.split_revisions(apps, "home", model_name.lower(), styles)


def join_content(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("home", model_name), styles, forward=False)
        B.split_revisions(apps, "home", model_name.lower(), styles, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_page_translation_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="announcement",
            name="text_en",
            field=models.CharField(max_length=200, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="announcement",
            name="text_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="homepage",
            name="body_en",
            field=wagtail.fields.StreamField(
                [
                    ("banner_carousel", 10),
                    ("product_row", 16),
                    ("brand_wall", 19),
                    ("guide_teasers", 23),
                    ("help_shortcuts", 26),
                    ("rich_text", 27),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Describes the picture for screen readers.",
                            "label": "Alternative text",
                            "max_length": 200,
                        },
                    ),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Heading", "max_length": 120, "required": False},
                    ),
                    3: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"label": "Page", "required": False},
                    ),
                    4: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Used when no page is chosen, e.g. /products/ or https://…",
                            "label": "Address",
                            "max_length": 500,
                            "required": False,
                        },
                    ),
                    5: (
                        "wagtail.blocks.StructBlock",
                        [[("page", 3), ("url", 4)]],
                        {"required": False},
                    ),
                    6: (
                        "wagtail.blocks.DateTimeBlock",
                        (),
                        {"label": "Show from", "required": False},
                    ),
                    7: (
                        "wagtail.blocks.DateTimeBlock",
                        (),
                        {"label": "Show until", "required": False},
                    ),
                    8: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("image", 0),
                                ("alt_text", 1),
                                ("heading", 2),
                                ("link", 5),
                                ("starts_at", 6),
                                ("ends_at", 7),
                            ]
                        ],
                        {},
                    ),
                    9: ("wagtail.blocks.ListBlock", (8,), {"label": "Banners"}),
                    10: ("wagtail.blocks.StructBlock", [[("banners", 9)]], {}),
                    11: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("hand_picked", "Hand-picked"),
                                ("new", "New arrivals"),
                                ("recommended", "Editor-recommended"),
                                ("hot", "Hot sellers"),
                                ("best_reviewed", "Best reviewed"),
                                ("category", "From a category"),
                            ],
                            "label": "Rule",
                        },
                    ),
                    12: ("wagtail.snippets.blocks.SnippetChooserBlock", ("products.Product",), {}),
                    13: (
                        "wagtail.blocks.ListBlock",
                        (12,),
                        {
                            "help_text": "For the hand-picked rule, in the order shown.",
                            "label": "Products",
                            "required": False,
                        },
                    ),
                    14: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("products.Category",),
                        {
                            "help_text": "For the category rule.",
                            "label": "Category",
                            "required": False,
                        },
                    ),
                    15: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 8, "label": "How many", "max_value": 24, "min_value": 1},
                    ),
                    16: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("heading", 2),
                                ("rule", 11),
                                ("products", 13),
                                ("category", 14),
                                ("count", 15),
                            ]
                        ],
                        {},
                    ),
                    17: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"page_type": ["products.BrandPage"]},
                    ),
                    18: (
                        "wagtail.blocks.ListBlock",
                        (17,),
                        {
                            "help_text": "Leave empty to show every published brand.",
                            "label": "Brands",
                            "required": False,
                        },
                    ),
                    19: ("wagtail.blocks.StructBlock", [[("heading", 2), ("brands", 18)]], {}),
                    20: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"page_type": ["guides.GuidePage"]},
                    ),
                    21: (
                        "wagtail.blocks.ListBlock",
                        (20,),
                        {
                            "help_text": "Leave empty to show the newest guides.",
                            "label": "Guides",
                            "required": False,
                        },
                    ),
                    22: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 4, "label": "How many", "max_value": 12, "min_value": 1},
                    ),
                    23: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 2), ("guides", 21), ("count", 22)]],
                        {},
                    ),
                    24: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {
                            "page_type": [
                                "help_center.HelpCategoryPage",
                                "help_center.HelpArticlePage",
                            ]
                        },
                    ),
                    25: ("wagtail.blocks.ListBlock", (24,), {"label": "Help pages"}),
                    26: ("wagtail.blocks.StructBlock", [[("heading", 2), ("shortcuts", 25)]], {}),
                    27: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"label": "Text", "template": "blocks/rich_text.html"},
                    ),
                },
                null=True,
                verbose_name="Body",
            ),
        ),
        migrations.AddField(
            model_name="homepage",
            name="body_zh_hans",
            field=wagtail.fields.StreamField(
                [
                    ("banner_carousel", 10),
                    ("product_row", 16),
                    ("brand_wall", 19),
                    ("guide_teasers", 23),
                    ("help_shortcuts", 26),
                    ("rich_text", 27),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Describes the picture for screen readers.",
                            "label": "Alternative text",
                            "max_length": 200,
                        },
                    ),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Heading", "max_length": 120, "required": False},
                    ),
                    3: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"label": "Page", "required": False},
                    ),
                    4: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Used when no page is chosen, e.g. /products/ or https://…",
                            "label": "Address",
                            "max_length": 500,
                            "required": False,
                        },
                    ),
                    5: (
                        "wagtail.blocks.StructBlock",
                        [[("page", 3), ("url", 4)]],
                        {"required": False},
                    ),
                    6: (
                        "wagtail.blocks.DateTimeBlock",
                        (),
                        {"label": "Show from", "required": False},
                    ),
                    7: (
                        "wagtail.blocks.DateTimeBlock",
                        (),
                        {"label": "Show until", "required": False},
                    ),
                    8: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("image", 0),
                                ("alt_text", 1),
                                ("heading", 2),
                                ("link", 5),
                                ("starts_at", 6),
                                ("ends_at", 7),
                            ]
                        ],
                        {},
                    ),
                    9: ("wagtail.blocks.ListBlock", (8,), {"label": "Banners"}),
                    10: ("wagtail.blocks.StructBlock", [[("banners", 9)]], {}),
                    11: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("hand_picked", "Hand-picked"),
                                ("new", "New arrivals"),
                                ("recommended", "Editor-recommended"),
                                ("hot", "Hot sellers"),
                                ("best_reviewed", "Best reviewed"),
                                ("category", "From a category"),
                            ],
                            "label": "Rule",
                        },
                    ),
                    12: ("wagtail.snippets.blocks.SnippetChooserBlock", ("products.Product",), {}),
                    13: (
                        "wagtail.blocks.ListBlock",
                        (12,),
                        {
                            "help_text": "For the hand-picked rule, in the order shown.",
                            "label": "Products",
                            "required": False,
                        },
                    ),
                    14: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("products.Category",),
                        {
                            "help_text": "For the category rule.",
                            "label": "Category",
                            "required": False,
                        },
                    ),
                    15: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 8, "label": "How many", "max_value": 24, "min_value": 1},
                    ),
                    16: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("heading", 2),
                                ("rule", 11),
                                ("products", 13),
                                ("category", 14),
                                ("count", 15),
                            ]
                        ],
                        {},
                    ),
                    17: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"page_type": ["products.BrandPage"]},
                    ),
                    18: (
                        "wagtail.blocks.ListBlock",
                        (17,),
                        {
                            "help_text": "Leave empty to show every published brand.",
                            "label": "Brands",
                            "required": False,
                        },
                    ),
                    19: ("wagtail.blocks.StructBlock", [[("heading", 2), ("brands", 18)]], {}),
                    20: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"page_type": ["guides.GuidePage"]},
                    ),
                    21: (
                        "wagtail.blocks.ListBlock",
                        (20,),
                        {
                            "help_text": "Leave empty to show the newest guides.",
                            "label": "Guides",
                            "required": False,
                        },
                    ),
                    22: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 4, "label": "How many", "max_value": 12, "min_value": 1},
                    ),
                    23: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 2), ("guides", 21), ("count", 22)]],
                        {},
                    ),
                    24: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {
                            "page_type": [
                                "help_center.HelpCategoryPage",
                                "help_center.HelpArticlePage",
                            ]
                        },
                    ),
                    25: ("wagtail.blocks.ListBlock", (24,), {"label": "Help pages"}),
                    26: ("wagtail.blocks.StructBlock", [[("heading", 2), ("shortcuts", 25)]], {}),
                    27: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"label": "Text", "template": "blocks/rich_text.html"},
                    ),
                },
                null=True,
                verbose_name="Body",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="footer_links_en",
            field=wagtail.fields.StreamField(
                [("column", 7)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Column heading", "max_length": 60},
                    ),
                    1: ("wagtail.blocks.CharBlock", (), {"label": "Label", "max_length": 60}),
                    2: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"label": "Page", "required": False},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Used when no page is chosen, e.g. /products/ or https://…",
                            "label": "Address",
                            "max_length": 500,
                            "required": False,
                        },
                    ),
                    4: ("wagtail.blocks.StructBlock", [[("page", 2), ("url", 3)]], {}),
                    5: ("wagtail.blocks.StructBlock", [[("label", 1), ("link", 4)]], {}),
                    6: ("wagtail.blocks.ListBlock", (5,), {"label": "Links"}),
                    7: ("wagtail.blocks.StructBlock", [[("heading", 0), ("links", 6)]], {}),
                },
                null=True,
                verbose_name="footer links",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="footer_links_zh_hans",
            field=wagtail.fields.StreamField(
                [("column", 7)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Column heading", "max_length": 60},
                    ),
                    1: ("wagtail.blocks.CharBlock", (), {"label": "Label", "max_length": 60}),
                    2: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {"label": "Page", "required": False},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Used when no page is chosen, e.g. /products/ or https://…",
                            "label": "Address",
                            "max_length": 500,
                            "required": False,
                        },
                    ),
                    4: ("wagtail.blocks.StructBlock", [[("page", 2), ("url", 3)]], {}),
                    5: ("wagtail.blocks.StructBlock", [[("label", 1), ("link", 4)]], {}),
                    6: ("wagtail.blocks.ListBlock", (5,), {"label": "Links"}),
                    7: ("wagtail.blocks.StructBlock", [[("heading", 0), ("links", 6)]], {}),
                },
                null=True,
                verbose_name="footer links",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="footer_note_en",
            field=models.CharField(
                blank=True,
                help_text="E.g. the company name and licence number.",
                max_length=250,
                null=True,
                verbose_name="footer note",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="footer_note_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="E.g. the company name and licence number.",
                max_length=250,
                null=True,
                verbose_name="footer note",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="payment_methods_info_en",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Which ways to pay exist, how to use them and what to watch out for.",
                null=True,
                verbose_name="payment methods",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="payment_methods_info_zh_hans",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Which ways to pay exist, how to use them and what to watch out for.",
                null=True,
                verbose_name="payment methods",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="service_hours_en",
            field=models.CharField(
                blank=True, max_length=120, null=True, verbose_name="customer-service hours"
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="service_hours_zh_hans",
            field=models.CharField(
                blank=True, max_length=120, null=True, verbose_name="customer-service hours"
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="shipping_info_en",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Shipping methods, delivery times and notes shown on product pages.",
                null=True,
                verbose_name="shipping and delivery",
            ),
        ),
        migrations.AddField(
            model_name="shopsettings",
            name="shipping_info_zh_hans",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Shipping methods, delivery times and notes shown on product pages.",
                null=True,
                verbose_name="shipping and delivery",
            ),
        ),
        migrations.RunPython(split_content, join_content),
    ]
