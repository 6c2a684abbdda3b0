"""How the catalogue is organised: the category tree, product types and the attributes a type
defines (what the listing's facets filter on)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from treebeard.mp_tree import MP_Node
from wagtail.models import Orderable


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
        """The choices as stored in attribute values and filter addresses: the Chinese ones,
        whatever the language shown (the only ones written, for a type without Chinese)."""
        return _lines(self.choices_zh_hans or self.choices or "")

    def choice_label(self, value: str) -> str:
        """What a stored choice reads in the active language: the same line of this language's
        choices (``choices`` gives the active language, Chinese when it has none); the value
        itself when it is no choice (a number, a text, an old value)."""
        stored = self.choice_list()
        shown = _lines(self.choices or "")
        if value in stored and len(shown) == len(stored):
            return shown[stored.index(value)]
        return value


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
