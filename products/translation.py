"""What of the catalogue exists in each language (django-modeltranslation registrations).

Each field listed here has a ``<field>_zh_hans`` and a ``<field>_en`` column; reading the field
gives the active language's text, English falling back to Chinese (settings). Codes, slugs,
prices, SKUs and attribute values stay single: an attribute value is the Chinese choice, and its
English label is the same line of the English choices (``AttributeDefinition.choice_label``).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    AttributeDefinition,
    BrandIndexPage,
    BrandNewsItem,
    BrandPage,
    Category,
    EditorPick,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "summary", "description", "tips", "meta_title", "meta_description")


@register(ProductVariant)
class ProductVariantTranslation(TranslationOptions):
    fields = ("option_1", "option_2")


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt_text",)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(ProductType)
class ProductTypeTranslation(TranslationOptions):
    fields = ("name", "option_1_name", "option_2_name")
    # An English name left empty is stored as NULL, so the unique names never clash on "".
    empty_values = {"name": None}


@register(AttributeDefinition)
class AttributeDefinitionTranslation(TranslationOptions):
    fields = ("name", "unit", "choices")


@register(EditorPick)
class EditorPickTranslation(TranslationOptions):
    fields = ("note",)


@register(BrandIndexPage)
class BrandIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(BrandPage)
class BrandPageTranslation(TranslationOptions):
    fields = ("tagline", "story")


@register(BrandNewsItem)
class BrandNewsItemTranslation(TranslationOptions):
    fields = ("title", "text")
