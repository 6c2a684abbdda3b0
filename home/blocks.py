"""StreamField blocks of the home page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import LinkBlock, in_chosen_order
from guides.models import GuidePage
from products.blocks import ProductRowBlock
from products.models import BrandPage


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


class HomeStreamBlock(blocks.StreamBlock):
    """What merchandisers may place on the home page, in any order."""

    banner_carousel = BannerCarouselBlock()
    product_row = ProductRowBlock()
    brand_wall = BrandWallBlock()
    guide_teasers = GuideTeasersBlock()
    help_shortcuts = HelpShortcutsBlock()
    rich_text = blocks.RichTextBlock(label=_("Text"), template="blocks/rich_text.html")
