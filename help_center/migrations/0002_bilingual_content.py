"""The help center in both languages: a Chinese and an English column for the introductions,
descriptions, summaries and bodies, the Chinese one filled with today's text (the titles are
split by home's migration 0008), in the rows and in the revisions.
"""

import wagtail.fields
from django.db import migrations, models

from core import bilingual

B = bilingual
STYLES = {
    "HelpCenterPage": {"intro": B.COPY},
    "HelpCategoryPage": {"description": B.COPY},
    "HelpArticlePage": {"summary": B.COPY, "body": B.COPY},
}


def split_content(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("help_center", model_name), styles)
        B.split_revisions(apps, "help_center", model_name.lower(), styles)


def join_content(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("help_center", model_name), styles, forward=False)
        B.split_revisions(apps, "help_center", model_name.lower(), styles, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_page_translation_columns"),
        ("help_center", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="helparticlepage",
            name="body_en",
            field=wagtail.fields.StreamField(
                [("step", 4), ("tip", 6), ("faq", 9)],
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Step title", "max_length": 120},
                    ),
                    1: ("wagtail.blocks.RichTextBlock", (), {"label": "Text"}),
                    2: (
                        "wagtail.images.blocks.ImageChooserBlock",
                        (),
                        {"label": "Image", "required": False},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Alternative text", "max_length": 200, "required": False},
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 0), ("text", 1), ("image", 2), ("alt_text", 3)]],
                        {},
                    ),
                    5: ("wagtail.blocks.RichTextBlock", (), {"label": "Tip"}),
                    6: ("wagtail.blocks.StructBlock", [[("text", 5)]], {}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 200}),
                    8: ("wagtail.blocks.RichTextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                },
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="helparticlepage",
            name="body_zh_hans",
            field=wagtail.fields.StreamField(
                [("step", 4), ("tip", 6), ("faq", 9)],
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Step title", "max_length": 120},
                    ),
                    1: ("wagtail.blocks.RichTextBlock", (), {"label": "Text"}),
                    2: (
                        "wagtail.images.blocks.ImageChooserBlock",
                        (),
                        {"label": "Image", "required": False},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Alternative text", "max_length": 200, "required": False},
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 0), ("text", 1), ("image", 2), ("alt_text", 3)]],
                        {},
                    ),
                    5: ("wagtail.blocks.RichTextBlock", (), {"label": "Tip"}),
                    6: ("wagtail.blocks.StructBlock", [[("text", 5)]], {}),
                    7: ("wagtail.blocks.CharBlock", (), {"label": "Question", "max_length": 200}),
                    8: ("wagtail.blocks.RichTextBlock", (), {"label": "Answer"}),
                    9: ("wagtail.blocks.StructBlock", [[("question", 7), ("answer", 8)]], {}),
                },
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="helparticlepage",
            name="summary_en",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="helparticlepage",
            name="summary_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="helpcategorypage",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="helpcategorypage",
            name="description_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="helpcenterpage",
            name="intro_en",
            field=models.TextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="helpcenterpage",
            name="intro_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.RunPython(split_content, join_content),
    ]
