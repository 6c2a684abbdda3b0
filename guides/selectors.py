"""Guides looked up for other pages."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from .models import GuidePage


def featured_in_guides(product) -> list:
    """Live guides whose body embeds ``product`` (found through Wagtail's reference index)."""
    guide_ids = (
        ReferenceIndex.get_references_to(product)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return list(
        GuidePage.objects.live().filter(pk__in=[int(pk) for pk in guide_ids]).order_by("-date")[:6]
    )


def product_page_guides(*, request, product, preview: bool) -> dict:
    """The product page's "featured in" list (none in the preview of a draft)."""
    return {"guides": [] if preview else featured_in_guides(product)}
