"""Guides in both languages: a Chinese and an English column for the index's introduction and each
guide's summary and body, the Chinese one filled with today's text (the titles are split by
home's migration 0008), in the rows and in the revisions.
"""

import wagtail.fields
from django.db import migrations, models

from core import bilingual

B = bilingual
STYLES = {"GuideIndexPage": {"intro": B.COPY}, "GuidePage": {"summary": B.COPY, "body": B.COPY}}


def split_content(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("guides", model_name), styles)
        B.split_revisions(apps, "guides", model_name.lower(), styles)


def join_content(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("guides", model_name), styles, forward=False)
        B.split_revisions(apps, "guides", model_name.lower(), styles, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_page_translation_columns"),
        ("guides", "0002_guide_product_cards"),
    ]

    operations = [
        migrations.AddField(
            model_name="guideindexpage",
            name="intro_en",
            field=models.TextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="guideindexpage",
            name="intro_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="guidepage",
            name="body_en",
            field=wagtail.fields.StreamField(
                [("rich_text", 0), ("image", 4), ("quote", 7), ("products", 11)],
                block_lookup={
                    0: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"label": "Text", "template": "blocks/rich_text.html"},
                    ),
                    1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Alternative text", "max_length": 200},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("image", 1), ("alt_text", 2), ("caption", 3)]],
                        {},
                    ),
                    5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                    6: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Source", "max_length": 120, "required": False},
                    ),
                    7: ("wagtail.blocks.StructBlock", [[("text", 5), ("source", 6)]], {}),
                    8: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Heading", "max_length": 120, "required": False},
                    ),
                    9: ("wagtail.snippets.blocks.SnippetChooserBlock", ("products.Product",), {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"label": "Products", "max_num": 12, "min_num": 1},
                    ),
                    11: ("wagtail.blocks.StructBlock", [[("heading", 8), ("products", 10)]], {}),
                },
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="guidepage",
            name="body_zh_hans",
            field=wagtail.fields.StreamField(
                [("rich_text", 0), ("image", 4), ("quote", 7), ("products", 11)],
                block_lookup={
                    0: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"label": "Text", "template": "blocks/rich_text.html"},
                    ),
                    1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Image"}),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Alternative text", "max_length": 200},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Caption", "max_length": 250, "required": False},
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("image", 1), ("alt_text", 2), ("caption", 3)]],
                        {},
                    ),
                    5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                    6: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Source", "max_length": 120, "required": False},
                    ),
                    7: ("wagtail.blocks.StructBlock", [[("text", 5), ("source", 6)]], {}),
                    8: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Heading", "max_length": 120, "required": False},
                    ),
                    9: ("wagtail.snippets.blocks.SnippetChooserBlock", ("products.Product",), {}),
                    10: (
                        "wagtail.blocks.ListBlock",
                        (9,),
                        {"label": "Products", "max_num": 12, "min_num": 1},
                    ),
                    11: ("wagtail.blocks.StructBlock", [[("heading", 8), ("products", 10)]], {}),
                },
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="guidepage",
            name="summary_en",
            field=models.TextField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="guidepage",
            name="summary_zh_hans",
            field=models.TextField(max_length=400, null=True, verbose_name="summary"),
        ),
        migrations.RunPython(split_content, join_content),
    ]
