"""Catalogue content in both languages: a Chinese and an English column for every shopper-visible
text (products/translation.py), filled from today's values. Names written "中文 | English" (products),
"中文 English" (categories, options, attributes, editor picks), "English 中文" (product types) and
"中文 · English" (brand taglines) are split (core.bilingual), in the rows and in the products'
revisions; descriptions, tips and stories go to the Chinese column as they are. A choice
attribute's values keep only their Chinese part, the English one being the same line of the
English choices. Undoing it joins everything back.
"""

import wagtail.fields
from django.db import migrations, models

from core import bilingual

B = bilingual
STYLES = {
    "Product": {
        "name": B.BAR,
        "summary": B.COPY,
        "description": B.COPY,
        "tips": B.COPY,
        "meta_title": B.BAR,
        "meta_description": B.COPY,
    },
    "ProductVariant": {"option_1": B.LABEL, "option_2": B.LABEL},
    "ProductImage": {"alt_text": B.COPY},
    "Category": {"name": B.LABEL, "description": B.COPY},
    "ProductType": {
        "name": B.LABEL_EN_FIRST,
        "option_1_name": B.LABEL,
        "option_2_name": B.LABEL,
    },
    "AttributeDefinition": {"name": B.LABEL, "unit": B.COPY, "choices": B.LINES},
    "EditorPick": {"note": B.LABEL},
    "BrandIndexPage": {"intro": B.COPY},
    "BrandPage": {"tagline": B.DOT, "story": B.COPY},
    "BrandNewsItem": {"title": B.COPY, "text": B.COPY},
}
PRODUCT_CHILDREN = {
    "variants": STYLES["ProductVariant"],
    "images": STYLES["ProductImage"],
}
CHOICE_KINDS = ("choice", "multi_choice")


def choice_values(apps, *, forward: bool) -> dict:
    """For each choice attribute, what a stored value becomes: its Chinese part (forward) or,
    back, the Chinese and English choice on the same line."""
    AttributeDefinition = apps.get_model("products", "AttributeDefinition")
    mapping = {}
    for definition in AttributeDefinition.objects.filter(kind__in=CHOICE_KINDS):
        chinese = (definition.choices_zh_hans or "").splitlines()
        english = (definition.choices_en or "").splitlines()
        values = {}
        for zh, en in zip(chinese, english, strict=False):
            joined = B.join(zh, en if en != zh else None, B.LABEL)
            if forward:
                values[joined] = zh
            else:
                values[zh] = joined
        mapping[definition.pk] = values
    return mapping


def convert_attribute_values(apps, *, forward: bool) -> None:
    ProductAttributeValue = apps.get_model("products", "ProductAttributeValue")
    mapping = choice_values(apps, forward=forward)
    for value in ProductAttributeValue.objects.filter(attribute_id__in=mapping):
        new = mapping[value.attribute_id].get(value.value)
        if new is None and forward:
            new = B.split(value.value, B.LABEL)[0]
        if new is not None and new != value.value:
            ProductAttributeValue.objects.filter(pk=value.pk).update(value=new)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    product_type = ContentType.objects.filter(app_label="products", model="product").first()
    if product_type is None:
        return
    for revision in Revision.objects.filter(content_type=product_type).iterator():
        changed = False
        for child in revision.content.get("attribute_values") or []:
            values = mapping.get(child.get("attribute"))
            if values is None:
                continue
            new = values.get(child.get("value"))
            if new is None and forward:
                new = B.split(child.get("value"), B.LABEL)[0]
            if new is not None and new != child.get("value"):
                child["value"] = new
                changed = True
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def split_catalogue(apps, schema_editor):
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("products", model_name), styles)
    B.split_revisions(apps, "products", "product", STYLES["Product"], children=PRODUCT_CHILDREN)
    B.split_revisions(apps, "products", "brandpage", STYLES["BrandPage"])
    B.split_revisions(apps, "products", "brandindexpage", STYLES["BrandIndexPage"])
    convert_attribute_values(apps, forward=True)


def join_catalogue(apps, schema_editor):
    convert_attribute_values(apps, forward=False)
    for model_name, styles in STYLES.items():
        B.split_rows(apps.get_model("products", model_name), styles, forward=False)
    B.split_revisions(
        apps, "products", "product", STYLES["Product"], children=PRODUCT_CHILDREN, forward=False
    )
    B.split_revisions(apps, "products", "brandpage", STYLES["BrandPage"], forward=False)
    B.split_revisions(apps, "products", "brandindexpage", STYLES["BrandIndexPage"], forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0005_product_stats_reviews"),
        ("home", "0008_page_translation_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="attributedefinition",
            name="choices_en",
            field=models.TextField(
                blank=True,
                help_text="For choices: one per line.",
                null=True,
                verbose_name="choices",
            ),
        ),
        migrations.AddField(
            model_name="attributedefinition",
            name="choices_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="For choices: one per line.",
                null=True,
                verbose_name="choices",
            ),
        ),
        migrations.AddField(
            model_name="attributedefinition",
            name="name_en",
            field=models.CharField(max_length=80, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="attributedefinition",
            name="name_zh_hans",
            field=models.CharField(max_length=80, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="attributedefinition",
            name="unit_en",
            field=models.CharField(
                blank=True,
                help_text="For numbers, e.g. GB or g.",
                max_length=20,
                null=True,
                verbose_name="unit",
            ),
        ),
        migrations.AddField(
            model_name="attributedefinition",
            name="unit_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="For numbers, e.g. GB or g.",
                max_length=20,
                null=True,
                verbose_name="unit",
            ),
        ),
        migrations.AddField(
            model_name="brandindexpage",
            name="intro_en",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="brandindexpage",
            name="intro_zh_hans",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="brandnewsitem",
            name="text_en",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="brandnewsitem",
            name="text_zh_hans",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="brandnewsitem",
            name="title_en",
            field=models.CharField(max_length=160, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="brandnewsitem",
            name="title_zh_hans",
            field=models.CharField(max_length=160, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="brandpage",
            name="story_en",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="story"),
        ),
        migrations.AddField(
            model_name="brandpage",
            name="story_zh_hans",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="story"),
        ),
        migrations.AddField(
            model_name="brandpage",
            name="tagline_en",
            field=models.CharField(blank=True, max_length=160, null=True, verbose_name="tagline"),
        ),
        migrations.AddField(
            model_name="brandpage",
            name="tagline_zh_hans",
            field=models.CharField(blank=True, max_length=160, null=True, verbose_name="tagline"),
        ),
        migrations.AddField(
            model_name="category",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="category",
            name="description_zh_hans",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_en",
            field=models.CharField(max_length=80, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_zh_hans",
            field=models.CharField(max_length=80, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="editorpick",
            name="note_en",
            field=models.CharField(
                blank=True, max_length=160, null=True, verbose_name="why we recommend it"
            ),
        ),
        migrations.AddField(
            model_name="editorpick",
            name="note_zh_hans",
            field=models.CharField(
                blank=True, max_length=160, null=True, verbose_name="why we recommend it"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="description_en",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="product",
            name="description_zh_hans",
            field=wagtail.fields.RichTextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_description_en",
            field=models.CharField(
                blank=True,
                help_text="For search engines; the summary is used when empty.",
                max_length=160,
                null=True,
                verbose_name="meta description",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_description_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="For search engines; the summary is used when empty.",
                max_length=160,
                null=True,
                verbose_name="meta description",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_title_en",
            field=models.CharField(
                blank=True,
                help_text="For search engines; the name is used when empty.",
                max_length=70,
                null=True,
                verbose_name="meta title",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="meta_title_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="For search engines; the name is used when empty.",
                max_length=70,
                null=True,
                verbose_name="meta title",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="product",
            name="name_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="product",
            name="summary_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="product",
            name="summary_zh_hans",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="product",
            name="tips_en",
            field=wagtail.fields.StreamField(
                [("tip", 3)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("usage", "Usage notes"),
                                ("tip", "Tip"),
                                ("knowledge", "Product knowledge"),
                            ],
                            "label": "Kind",
                        },
                    ),
                    1: ("wagtail.blocks.CharBlock", (), {"label": "Title", "max_length": 120}),
                    2: ("wagtail.blocks.RichTextBlock", (), {"label": "Text"}),
                    3: (
                        "wagtail.blocks.StructBlock",
                        [[("kind", 0), ("title", 1), ("text", 2)]],
                        {},
                    ),
                },
                null=True,
                verbose_name="tips",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="tips_zh_hans",
            field=wagtail.fields.StreamField(
                [("tip", 3)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("usage", "Usage notes"),
                                ("tip", "Tip"),
                                ("knowledge", "Product knowledge"),
                            ],
                            "label": "Kind",
                        },
                    ),
                    1: ("wagtail.blocks.CharBlock", (), {"label": "Title", "max_length": 120}),
                    2: ("wagtail.blocks.RichTextBlock", (), {"label": "Text"}),
                    3: (
                        "wagtail.blocks.StructBlock",
                        [[("kind", 0), ("title", 1), ("text", 2)]],
                        {},
                    ),
                },
                null=True,
                verbose_name="tips",
            ),
        ),
        migrations.AddField(
            model_name="productimage",
            name="alt_text_en",
            field=models.CharField(max_length=200, null=True, verbose_name="alternative text"),
        ),
        migrations.AddField(
            model_name="productimage",
            name="alt_text_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="alternative text"),
        ),
        migrations.AddField(
            model_name="producttype",
            name="name_en",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="producttype",
            name="name_zh_hans",
            field=models.CharField(max_length=80, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="producttype",
            name="option_1_name_en",
            field=models.CharField(
                blank=True,
                help_text="What variants differ by, e.g. Colour.",
                max_length=40,
                null=True,
                verbose_name="first option",
            ),
        ),
        migrations.AddField(
            model_name="producttype",
            name="option_1_name_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="What variants differ by, e.g. Colour.",
                max_length=40,
                null=True,
                verbose_name="first option",
            ),
        ),
        migrations.AddField(
            model_name="producttype",
            name="option_2_name_en",
            field=models.CharField(
                blank=True,
                help_text="E.g. Size or Storage; leave empty if not needed.",
                max_length=40,
                null=True,
                verbose_name="second option",
            ),
        ),
        migrations.AddField(
            model_name="producttype",
            name="option_2_name_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="E.g. Size or Storage; leave empty if not needed.",
                max_length=40,
                null=True,
                verbose_name="second option",
            ),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="option_1_en",
            field=models.CharField(
                blank=True,
                help_text="E.g. Black.",
                max_length=60,
                null=True,
                verbose_name="first option value",
            ),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="option_1_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="E.g. Black.",
                max_length=60,
                null=True,
                verbose_name="first option value",
            ),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="option_2_en",
            field=models.CharField(
                blank=True,
                help_text="E.g. 128 GB.",
                max_length=60,
                null=True,
                verbose_name="second option value",
            ),
        ),
        migrations.AddField(
            model_name="productvariant",
            name="option_2_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="E.g. 128 GB.",
                max_length=60,
                null=True,
                verbose_name="second option value",
            ),
        ),
        migrations.RunPython(split_catalogue, join_catalogue),
    ]
