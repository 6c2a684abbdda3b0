"""Campaign landing pages in both languages: a Chinese and an English column for the
introduction and the body, the Chinese one filled with today's text (the titles are split by
home's migration 0008), in the rows and in the revisions.
"""

import wagtail.fields
from django.db import migrations

from core import bilingual

STYLES = {"intro": bilingual.COPY, "body": bilingual.COPY}


def split_content(apps, schema_editor):
    bilingual.split_rows(apps.get_model("commerce", "CampaignPage"), STYLES)
    bilingual.split_revisions(apps, "commerce", "campaignpage", STYLES)


def join_content(apps, schema_editor):
    bilingual.split_rows(apps.get_model("commerce", "CampaignPage"), STYLES, forward=False)
    bilingual.split_revisions(apps, "commerce", "campaignpage", STYLES, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0024_order_payer_index"),
        ("home", "0008_page_translation_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="campaignpage",
            name="body_en",
            field=wagtail.fields.StreamField(
                [("rich_text", 0), ("image", 4), ("campaign_products", 7)],
                blank=True,
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
                    5: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Heading", "max_length": 120, "required": False},
                    ),
                    6: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 24, "label": "How many", "max_value": 60, "min_value": 1},
                    ),
                    7: ("wagtail.blocks.StructBlock", [[("heading", 5), ("count", 6)]], {}),
                },
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="body_zh_hans",
            field=wagtail.fields.StreamField(
                [("rich_text", 0), ("image", 4), ("campaign_products", 7)],
                blank=True,
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
                    5: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Heading", "max_length": 120, "required": False},
                    ),
                    6: (
                        "wagtail.blocks.IntegerBlock",
                        (),
                        {"default": 24, "label": "How many", "max_value": 60, "min_value": 1},
                    ),
                    7: ("wagtail.blocks.StructBlock", [[("heading", 5), ("count", 6)]], {}),
                },
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="intro_en",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="campaignpage",
            name="intro_zh_hans",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.RunPython(split_content, join_content),
    ]
