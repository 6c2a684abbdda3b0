"""StreamField blocks that show live product cards: home-page rows and cards in articles."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import in_chosen_order

from . import showcases


class ProductRowBlock(blocks.StructBlock):
    """A row of product cards chosen by a rule: hand-picked, new, recommended, hot or a
    category."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    rule = blocks.ChoiceBlock(
        choices=[
            ("hand_picked", _("Hand-picked")),
            ("new", _("New arrivals")),
            ("recommended", _("Editor-recommended")),
            ("hot", _("Hot sellers")),
            ("best_reviewed", _("Best reviewed")),
            ("category", _("From a category")),
        ],
        default="hand_picked",
        label=_("Rule"),
    )
    products = blocks.ListBlock(
        SnippetChooserBlock("products.Product"),
        required=False,
        label=_("Products"),
        help_text=_("For the hand-picked rule, in the order shown."),
    )
    category = SnippetChooserBlock(
        "products.Category",
        required=False,
        label=_("Category"),
        help_text=_("For the category rule."),
    )
    count = blocks.IntegerBlock(default=8, min_value=1, max_value=24, label=_("How many"))

    class Meta:
        icon = "tag"
        label = _("Product row")
        template = "blocks/product_row.html"

    def clean(self, value):
        value = super().clean(value)
        if value["rule"] == "category" and value["category"] is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "category": ValidationError(_("Choose the category this row shows."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rule, limit = value["rule"], value["count"]
        if rule == "new":
            products = showcases.new_arrivals(limit=limit)
        elif rule == "recommended":
            products = showcases.editor_recommended(limit=limit)
        elif rule == "hot":
            products = showcases.hot_sellers(limit=limit)
        elif rule == "best_reviewed":
            products = showcases.best_reviewed(limit=limit)
        elif rule == "category" and value["category"] is not None:
            products = showcases.in_category(category=value["category"], limit=limit)
        else:
            products = in_chosen_order(showcases.card_queryset(), value["products"])[:limit]
        context["products"] = products
        # A hot-sellers row says what it ranks and numbers its cards.
        context["ranked"] = rule == "hot"
        return context


class ProductCardsBlock(blocks.StructBlock):
    """Live product cards inside an article (price, stock, link); unpublished products drop out."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    products = blocks.ListBlock(
        SnippetChooserBlock("products.Product"), min_num=1, max_num=12, label=_("Products")
    )

    class Meta:
        icon = "tag"
        label = _("Product cards")
        template = "blocks/product_row.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = in_chosen_order(showcases.card_queryset(), value["products"])
        return context
