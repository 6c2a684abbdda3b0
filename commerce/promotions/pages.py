"""A campaign's landing page in the content tree: a banner, text, and the campaign's products.

Editors and merchandisers publish it through the same workflow as every page; the
products come from the campaign itself (what it covers, priced as every card is), so the
page never lists a product the campaign does not discount.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.blocks import ImageBlock

from .models import Campaign


class CampaignProductsBlock(blocks.StructBlock):
    """The cards of the products the page's campaign covers (live ones, at the campaign's
    prices), up to ``count``."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    count = blocks.IntegerBlock(default=24, min_value=1, max_value=60, label=_("How many"))

    class Meta:
        icon = "tag"
        label = _("The campaign's products")
        template = "commerce/promotions/blocks/campaign_products.html"

    def get_context(self, value, parent_context=None):
        from .selectors import campaign_products  # selectors read the campaign models

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        campaign = getattr(page, "campaign", None)
        context["products"] = (
            campaign_products(campaign, limit=value["count"]) if campaign is not None else []
        )
        return context


class CampaignPageBody(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(label=_("Text"), template="blocks/rich_text.html")
    image = ImageBlock()
    campaign_products = CampaignProductsBlock()


class CampaignPage(Page):
    """/<slug>/: one campaign told to shoppers, with its products and its countdown."""

    campaign = models.ForeignKey(
        Campaign,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="landing_pages",
        verbose_name=_("campaign"),
    )
    banner = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("banner"),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(CampaignPageBody(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("campaign"),
        FieldPanel("banner"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "commerce/promotions/campaign_page.html"

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")

    def campaign_state(self, now=None) -> str:
        """ "running", "upcoming", "ended" or "" (no campaign, or not published)."""
        campaign = self.campaign
        if campaign is None or not campaign.live:
            return ""
        now = now or timezone.now()
        if now < campaign.starts_at:
            return "upcoming"
        return "running" if now < campaign.ends_at else "ended"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_state"] = self.campaign_state()
        return context
