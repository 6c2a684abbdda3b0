"""Products and what describes them: variants, images, attribute values and tips.

Product content (names, prices, attribute values, images) is versioned: it goes
through drafts, review and scheduling like a page. Stock and sales counters are
not content: they live in their own rows so that publishing or reverting a
revision never changes them.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from products.cache import bump_catalogue_version

from .stock import Stock
from .taxonomy import AttributeDefinition, Category, ProductType

MONEY = {"max_digits": 12, "decimal_places": 2}


class TipBlock(blocks.StructBlock):
    """Knowledge beyond the specification: usage notes, tips, product know-how (F-13)."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("usage", _("Usage notes")),
            ("tip", _("Tip")),
            ("knowledge", _("Product knowledge")),
        ],
        label=_("Kind"),
    )
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.RichTextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Tip")
        template = "blocks/product_tip.html"


class ProductTag(TaggedItemBase):
    content_object = ParentalKey(
        "products.Product", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProductQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def for_listing(self):
        """Live products with what a product card shows, in a fixed number of queries."""
        return (
            self.live()
            .select_related("brand", "primary_category", "stats")
            .prefetch_related(
                models.Prefetch("images", queryset=ProductImage.objects.select_related("image"))
            )
        )


class Product(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A thing the shop sells. Versioned content; its variants carry the prices."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    brand = models.ForeignKey(
        "products.BrandPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        verbose_name=_("brand"),
    )
    primary_category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="primary_products",
        verbose_name=_("category"),
    )
    extra_categories = ParentalManyToManyField(
        Category, blank=True, related_name="extra_products", verbose_name=_("also listed in")
    )
    product_type = models.ForeignKey(
        ProductType,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("product type"),
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    tips = StreamField([("tip", TipBlock())], blank=True, verbose_name=_("tips"))
    tags = ClusterTaggableManager(through=ProductTag, blank=True, verbose_name=_("tags"))
    meta_title = models.CharField(
        _("meta title"),
        max_length=70,
        blank=True,
        help_text=_("For search engines; the name is used when empty."),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=160,
        blank=True,
        help_text=_("For search engines; the summary is used when empty."),
    )
    # Denormalised from the variants on every save so listings sort and filter by price cheaply.
    min_price = models.DecimalField(
        _("price from"), editable=False, default=Decimal("0.00"), **MONEY
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProductQuerySet.as_manager()

    search_fields = [
        # Both languages' columns (products/translation.py): either language finds the product.
        index.SearchField("name_zh_hans", boost=3),
        index.SearchField("name_en", boost=3),
        index.AutocompleteField("name_zh_hans"),
        index.AutocompleteField("name_en"),
        index.SearchField("summary_zh_hans"),
        index.SearchField("summary_en"),
        index.SearchField("description_zh_hans"),
        index.SearchField("description_en"),
        index.FilterField("live"),
        index.RelatedFields(
            "brand", [index.SearchField("title_zh_hans"), index.SearchField("title_en")]
        ),
        index.RelatedFields("variants", [index.SearchField("sku")]),
        index.SearchField("search_text", boost=2),
    ]

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [
            models.Index(fields=["live", "min_price"], name="product_live_price"),
            models.Index(fields=["live", "first_published_at"], name="product_live_new"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("product_detail", kwargs={"slug": self.slug})

    @property
    def url(self) -> str:
        return self.get_absolute_url()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:200]
        update_fields = kwargs.get("update_fields")
        if self.pk and self.live and (update_fields is None or "slug" in update_fields):
            self._redirect_old_slug()
        if update_fields is None or "min_price" in update_fields:
            prices = [
                variant.price for variant in self.variants.all() if variant.price is not None
            ]
            self.min_price = min(prices) if prices else Decimal("0.00")
        super().save(*args, **kwargs)
        bump_catalogue_version()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        bump_catalogue_version()
        return result

    def _redirect_old_slug(self):
        """When a live product's address changes, the old one keeps working (a permanent
        redirect)."""
        from wagtail.contrib.redirects.models import Redirect

        old_slug = (
            Product.objects.filter(pk=self.pk, live=True).values_list("slug", flat=True).first()
        )
        if old_slug and old_slug != self.slug:
            old_path = Redirect.normalise_path(
                reverse("product_detail", kwargs={"slug": old_slug})
            )
            Redirect.objects.update_or_create(
                old_path=old_path,
                site=None,
                defaults={
                    "redirect_link": reverse("product_detail", kwargs={"slug": self.slug}),
                    "is_permanent": True,
                },
            )
            # A product that takes back an old address must not be redirected away from it.
            Redirect.objects.filter(
                old_path=Redirect.normalise_path(self.get_absolute_url())
            ).delete()

    def get_preview_template(self, request, mode_name):
        return "products/product_detail.html"

    def get_preview_context(self, request, mode_name):
        from products.detail import product_detail_context  # detail reads these models

        return product_detail_context(request, self, preview=True)

    @property
    def admin_thumbnail(self):
        """A small picture for the admin list (uses the prefetched gallery)."""
        from django.utils.html import format_html

        first = self.main_image
        if first is None:
            return ""
        rendition = first.image.get_rendition("fill-60x60|format-webp")
        return format_html('<img src="{}" width="60" height="60" alt="">', rendition.url)

    @property
    def admin_stock_available(self):
        """Units available over all variants; annotated by the admin queryset, computed
        otherwise."""
        if hasattr(self, "stock_available_total"):
            return self.stock_available_total or 0
        skus = [variant.sku for variant in self.variants.all()]
        return sum(stock.available for stock in Stock.objects.filter(sku__in=skus))

    @property
    def main_image(self):
        images = list(self.images.all())
        return images[0] if images else None

    @property
    def seo_title(self) -> str:
        return self.meta_title or self.name

    @property
    def seo_description(self) -> str:
        return self.meta_description or self.summary

    @property
    def search_text(self) -> str:
        """Name, brand, category path, summary, description, attribute values, tags and codes,
        in both languages, segmented for the full-text index.

        Database tokenizers do not split Chinese words and SQLite's does not stem
        English, so the index is fed every text already cut and stemmed (see
        core.text), the same on SQLite, PostgreSQL and in the Elasticsearch document
        (search.elasticsearch.documents); the Chinese and the English texts both go in, so
        either language finds the product, and the pinyin of the name and categories lets
        shoppers without a Chinese keyboard find products too. The name's words come
        twice so they outrank words from the category or tags (SQLite's index keeps
        one text column and ignores per-field boosts).
        """
        categories = []
        if self.primary_category_id:
            categories += [*self.primary_category.get_ancestors(), self.primary_category]
        if self.pk:
            categories += list(self.extra_categories.all())
        return product_search_text(self, categories)


def product_search_text(product: Product, categories: list) -> str:
    """``Product.search_text`` from the product and its categories (the Elasticsearch document
    passes prefetched ones)."""
    from html import unescape

    from django.utils.html import strip_tags

    from core.bilingual import every_language
    from core.text import pinyin_words, segment

    category_names = " ".join(
        name for category in categories for name in every_language(category, "name")
    )
    names = " ".join(every_language(product, "name"))
    brand = product.brand if product.brand_id and product.brand else None
    parts = [
        names,
        " ".join(every_language(brand, "title")) if brand else "",
        category_names,
        *every_language(product, "summary"),
        *(unescape(strip_tags(text)) for text in every_language(product, "description")),
    ]
    if product.pk:
        parts += [
            label
            for value in product.attribute_values.all()
            for label in attribute_value_texts(value)
        ]
        parts += [tag.name for tag in product.tags.all()]
        parts += [
            code
            for variant in product.variants.all()
            for code in (variant.sku, variant.barcode)
            if code
        ]
    text = segment(" ".join(part for part in parts if part))
    chinese_name = product.name_zh_hans or product.name
    return f"{segment(names)} {text} {pinyin_words(f'{chinese_name} {category_names}')}".strip()


def attribute_value_texts(value) -> list[str]:
    """An attribute value as the index holds it: the stored value and, for a choice, its label in
    the other languages (蓝牙 and Bluetooth)."""
    from django.utils import translation

    texts = [value.value]
    for language in ("en",):
        with translation.override(language):
            label = value.attribute.choice_label(value.value)
        if label not in texts:
            texts.append(label)
    return texts


class ProductVariant(Orderable):
    """A buyable version of a product (a SKU): one colour and size, its own price."""

    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    option_1 = models.CharField(
        _("first option value"), max_length=60, blank=True, help_text=_("E.g. Black.")
    )
    option_2 = models.CharField(
        _("second option value"), max_length=60, blank=True, help_text=_("E.g. 128 GB.")
    )
    price = models.DecimalField(
        _("price"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    compare_at_price = models.DecimalField(
        _("was price"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        **MONEY,
    )
    weight_grams = models.PositiveIntegerField(_("weight (g)"), default=0)
    barcode = models.CharField(_("barcode"), max_length=32, blank=True, db_index=True)

    class Meta(Orderable.Meta):
        verbose_name = _("variant")
        verbose_name_plural = _("variants")
        constraints = [
            models.CheckConstraint(condition=Q(price__gt=0), name="variant_price_positive")
        ]

    def __str__(self) -> str:
        return f"{self.product.name} · {self.label}" if self.label else self.product.name

    @property
    def label(self) -> str:
        return " / ".join(value for value in (self.option_1, self.option_2) if value)

    def clean(self):
        from django.core.exceptions import ValidationError

        if (
            self.compare_at_price is not None
            and self.price is not None
            and self.compare_at_price <= self.price
        ):
            raise ValidationError(
                {"compare_at_price": _("The “was” price must be higher than the price.")}
            )


class ProductImage(Orderable):
    """One picture of the product gallery, in the order merchandisers set."""

    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(_("alternative text"), max_length=200)

    class Meta(Orderable.Meta):
        verbose_name = _("product image")
        verbose_name_plural = _("product images")


class ProductAttributeValue(Orderable):
    """One attribute value of a product; filterable ones become listing facets."""

    product = ParentalKey(Product, on_delete=models.CASCADE, related_name="attribute_values")
    attribute = models.ForeignKey(
        AttributeDefinition,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("attribute"),
    )
    value = models.CharField(_("value"), max_length=200)

    class Meta(Orderable.Meta):
        verbose_name = _("attribute value")
        verbose_name_plural = _("attribute values")
        indexes = [models.Index(fields=["attribute", "value"], name="attribute_value_facet")]

    def __str__(self) -> str:
        return f"{self.attribute.name}: {self.display_value}"

    @property
    def display_value(self) -> str:
        if self.attribute.kind == AttributeDefinition.Kind.BOOLEAN:
            return str(_("Yes")) if self.value == "yes" else str(_("No"))
        return f"{self.attribute.choice_label(self.value)} {self.attribute.unit}".strip()
