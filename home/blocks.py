"""StreamField blocks shared by the home page, guides and help articles."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


def in_chosen_order(queryset, chosen) -> list:
    """The chosen objects, re-read through ``queryset`` (one query) and kept in the order chosen.

    Objects the queryset leaves out (unpublished, deleted) drop out, so a block never
    shows something the shopper may not see.
    """
    ids = [item.pk for item in chosen if item is not None]
    if not ids:
        return []
    by_id = {item.pk: item for item in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to any address; the page wins when both are set."""

    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.CharBlock(
        required=False,
        max_length=500,
        label=_("Address"),
        help_text=_("Used when no page is chosen, e.g. /products/ or https://…"),
    )

    class Meta:
        icon = "link"
        label = _("Link")


def link_href(value) -> str:
    """The address a LinkBlock value points at (empty when neither is set)."""
    if not value:
        return ""
    page = value.get("page")
    if page is not None:
        return page.url or ""
    return value.get("url") or ""


class BannerBlock(blocks.StructBlock):
    """One slide of the home carousel, shown only between its start and end times."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=200,
        label=_("Alternative text"),
        help_text=_("Describes the picture for screen readers."),
    )
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    link = LinkBlock(required=False)
    starts_at = blocks.DateTimeBlock(required=False, label=_("Show from"))
    ends_at = blocks.DateTimeBlock(required=False, label=_("Show until"))

    class Meta:
        icon = "image"
        label = _("Banner")


def banner_is_current(banner, now=None) -> bool:
    """True when the banner's schedule includes ``now`` (open-ended at either side)."""
    now = now or timezone.now()
    starts_at, ends_at = banner.get("starts_at"), banner.get("ends_at")
    return (starts_at is None or starts_at <= now) and (ends_at is None or now < ends_at)


class BannerCarouselBlock(blocks.StructBlock):
    """A carousel of scheduled banners; slides outside their window are skipped."""

    banners = blocks.ListBlock(BannerBlock(), label=_("Banners"))

    class Meta:
        icon = "image"
        label = _("Banner carousel")
        template = "blocks/banner_carousel.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["current_banners"] = [b for b in value["banners"] if banner_is_current(b)]
        return context


class BrandWallBlock(blocks.StructBlock):
    """Brand logos linking to brand pages: hand-picked, or every live brand when empty."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    brands = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="products.BrandPage"),
        required=False,
        label=_("Brands"),
        help_text=_("Leave empty to show every published brand."),
    )

    class Meta:
        icon = "group"
        label = _("Brand wall")
        template = "blocks/brand_wall.html"

    def get_context(self, value, parent_context=None):
        from products.models import BrandPage

        context = super().get_context(value, parent_context)
        brands = BrandPage.objects.live().select_related("logo")
        chosen = in_chosen_order(brands, value["brands"])
        context["brands"] = chosen if value["brands"] else list(brands.order_by("path"))
        return context


class GuideTeasersBlock(blocks.StructBlock):
    """The newest published guides (or hand-picked ones) as teaser cards."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    guides = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="guides.GuidePage"),
        required=False,
        label=_("Guides"),
        help_text=_("Leave empty to show the newest guides."),
    )
    count = blocks.IntegerBlock(default=4, min_value=1, max_value=12, label=_("How many"))

    class Meta:
        icon = "doc-full"
        label = _("Guide teasers")
        template = "blocks/guide_teasers.html"

    def get_context(self, value, parent_context=None):
        from guides.models import GuidePage

        context = super().get_context(value, parent_context)
        guides = GuidePage.objects.live().select_related("cover_image")
        chosen = in_chosen_order(guides, value["guides"])
        context["guides"] = (chosen if value["guides"] else list(guides.order_by("-date", "-pk")))[
            : value["count"]
        ]
        return context


class HelpShortcutsBlock(blocks.StructBlock):
    """Quick links into the help center (categories or articles)."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    shortcuts = blocks.ListBlock(
        blocks.PageChooserBlock(
            page_type=["help_center.HelpCategoryPage", "help_center.HelpArticlePage"]
        ),
        label=_("Help pages"),
    )

    class Meta:
        icon = "help"
        label = _("Help-center shortcuts")
        template = "blocks/help_shortcuts.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["pages"] = [page for page in value["shortcuts"] if page is not None and page.live]
        return context


class ProductRowBlock(blocks.StructBlock):
    """A row of product cards chosen by a rule: hand-picked, new, recommended, hot or a category."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    rule = blocks.ChoiceBlock(
        choices=[
            ("hand_picked", _("Hand-picked")),
            ("new", _("New arrivals")),
            ("recommended", _("Editor-recommended")),
            ("hot", _("Hot sellers")),
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
        from products import showcases

        context = super().get_context(value, parent_context)
        rule, limit = value["rule"], value["count"]
        if rule == "new":
            products = showcases.new_arrivals(limit=limit)
        elif rule == "recommended":
            products = showcases.editor_recommended(limit=limit)
        elif rule == "hot":
            products = showcases.hot_sellers(limit=limit)
        elif rule == "category" and value["category"] is not None:
            products = showcases.in_category(category=value["category"], limit=limit)
        else:
            products = in_chosen_order(showcases.card_queryset(), value["products"])[:limit]
        context["products"] = products
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
        from products import showcases

        context = super().get_context(value, parent_context)
        context["products"] = in_chosen_order(showcases.card_queryset(), value["products"])
        return context


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(max_length=200, label=_("Alternative text"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    """A pulled quote with its source."""

    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(required=False, max_length=120, label=_("Source"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class HomeStreamBlock(blocks.StreamBlock):
    """What merchandisers may place on the home page, in any order."""

    banner_carousel = BannerCarouselBlock()
    product_row = ProductRowBlock()
    brand_wall = BrandWallBlock()
    guide_teasers = GuideTeasersBlock()
    help_shortcuts = HelpShortcutsBlock()
    rich_text = blocks.RichTextBlock(label=_("Text"), template="blocks/rich_text.html")
