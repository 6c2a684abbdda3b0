"""Products and what describes them: categories, product types, variants, stock.

Product content (names, prices, attribute values, images) is versioned: it goes
through drafts, review and scheduling like a page. Stock and sales counters are
not content: they live in their own rows so that publishing or reverting a
revision never changes them.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from treebeard.mp_tree import MP_Node
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

MONEY = {"max_digits": 12, "decimal_places": 2}


class Category(MP_Node):
    """A node of the category tree (any depth); siblings keep the order merchandisers give them."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    slug_path = models.CharField(_("path"), max_length=400, editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )

    node_order_by = []

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.depth and self.depth > 1 else None
        self.slug_path = f"{parent.slug_path}/{self.slug}" if parent else self.slug
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{reverse('product_list')}?category={self.slug}"

    def refresh_slug_paths(self) -> None:
        """Recompute the slug path of this category and everything below it (after a move or
        rename)."""
        for node in Category.get_tree(self):
            node.save(update_fields=["slug_path"])


class ProductType(ClusterableModel):
    """A kind of product (Book, Phone, Apparel) and the attributes such products carry."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    option_1_name = models.CharField(
        _("first option"),
        max_length=40,
        blank=True,
        help_text=_("What variants differ by, e.g. Colour."),
    )
    option_2_name = models.CharField(
        _("second option"),
        max_length=40,
        blank=True,
        help_text=_("E.g. Size or Storage; leave empty if not needed."),
    )

    class Meta:
        verbose_name = _("product type")
        verbose_name_plural = _("product types")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AttributeDefinition(Orderable):
    """One attribute of a product type: its kind, unit, choices and how the shop uses it."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        CHOICE = "choice", _("Choice")
        MULTI_CHOICE = "multi_choice", _("Multiple choice")
        DATE = "date", _("Date")
        BOOLEAN = "boolean", _("Yes / no")

    class Validator(models.TextChoices):
        NONE = "", _("None")
        ISBN = "isbn", _("ISBN (check digit)")

    product_type = ParentalKey(
        ProductType, on_delete=models.CASCADE, related_name="attribute_definitions"
    )
    code = models.SlugField(
        _("code"), max_length=40, help_text=_("Used in filter addresses, e.g. storage.")
    )
    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TEXT)
    unit = models.CharField(
        _("unit"), max_length=20, blank=True, help_text=_("For numbers, e.g. GB or g.")
    )
    choices = models.TextField(_("choices"), blank=True, help_text=_("For choices: one per line."))
    required = models.BooleanField(_("required"), default=False)
    filterable = models.BooleanField(
        _("filterable"), default=False, help_text=_("Offered as a facet in listings.")
    )
    in_specs = models.BooleanField(_("shown in specifications"), default=True)
    validator = models.CharField(
        _("extra check"), max_length=20, choices=Validator.choices, blank=True, default=""
    )

    class Meta(Orderable.Meta):
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        constraints = [
            models.UniqueConstraint(
                fields=["product_type", "code"], name="unique_attribute_code_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.product_type})" if self.product_type_id else self.name

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


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
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("live"),
        index.RelatedFields("brand", [index.SearchField("title")]),
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
        segmented for the full-text index.

        Database tokenizers do not split Chinese words and SQLite's does not stem
        English, so the index is fed every text already cut and stemmed (see
        core.text), the same on SQLite, PostgreSQL and in the Elasticsearch document
        (search.elasticsearch.documents); the pinyin of the name and categories lets
        shoppers without a Chinese keyboard find products too. The name's words come
        twice so they outrank words from the category or tags (SQLite's index keeps
        one text column and ignores per-field boosts).
        """
        from html import unescape

        from django.utils.html import strip_tags

        from core.text import pinyin_words, segment

        categories = []
        if self.primary_category_id:
            categories += [*self.primary_category.get_ancestors(), self.primary_category]
        if self.pk:
            categories += list(self.extra_categories.all())
        category_names = " ".join(category.name for category in categories)
        parts = [
            self.name,
            self.brand.title if self.brand_id and self.brand else "",
            category_names,
            self.summary,
            unescape(strip_tags(self.description or "")),
        ]
        if self.pk:
            parts += [value.value for value in self.attribute_values.all()]
            parts += [tag.name for tag in self.tags.all()]
            parts += [
                code
                for variant in self.variants.all()
                for code in (variant.sku, variant.barcode)
                if code
            ]
        text = segment(" ".join(part for part in parts if part))
        return (
            f"{segment(self.name)} {text} {pinyin_words(f'{self.name} {category_names}')}".strip()
        )


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
        return f"{self.value} {self.attribute.unit}".strip()


class Stock(models.Model):
    """Units of one SKU on hand and reserved by unpaid orders; never part of a revision."""

    sku = models.CharField(_("SKU"), max_length=64, unique=True)
    on_hand = models.PositiveIntegerField(_("on hand"), default=0)
    reserved = models.PositiveIntegerField(_("reserved"), default=0)
    low_stock_threshold = models.PositiveIntegerField(_("low-stock threshold"), default=5)

    class Meta:
        verbose_name = _("stock")
        verbose_name_plural = _("stock")
        constraints = [
            models.CheckConstraint(
                condition=Q(reserved__lte=F("on_hand")), name="stock_reserved_within_on_hand"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sku}: {self.available}"

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def is_low(self) -> bool:
        return self.available <= self.low_stock_threshold


class ProductStats(models.Model):  # noqa: DJ008 — a counter row, shown through its product
    """Counters fed by orders and reviews; kept apart from revisions so publishing never resets
    them."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="stats", primary_key=True
    )
    sales_count = models.PositiveIntegerField(_("units sold"), default=0, db_index=True)
    rating = models.DecimalField(
        _("average rating"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    review_count = models.PositiveIntegerField(_("approved reviews"), default=0)

    class Meta:
        verbose_name = _("product statistics")
        verbose_name_plural = _("product statistics")


class EditorPick(Orderable):
    """The editor-recommended showcase: a hand-curated, ordered list of products."""

    product = models.OneToOneField(
        Product, on_delete=models.CASCADE, related_name="editor_pick", verbose_name=_("product")
    )
    note = models.CharField(_("why we recommend it"), max_length=160, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("editor pick")
        verbose_name_plural = _("editor picks")

    def __str__(self) -> str:
        return self.product.name
