"""Generic StreamField blocks and helpers any page type may use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


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
