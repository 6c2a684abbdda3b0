"""Brands.

Brands are pages: each has a story and dated news that editors publish through
the same workflow as any other page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.permissions import SectionPageMixin

BRAND_PRODUCTS_SHOWN = 12


class BrandIndexPage(SectionPageMixin, Page):
    """The brand wall at /brands/: every published brand with its logo."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["products.BrandPage"]
    max_count = 1

    class Meta:
        verbose_name = _("brand index page")

    def get_brands(self):
        return BrandPage.objects.child_of(self).live().select_related("logo").order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["brands"] = self.get_brands()
        return context


class BrandPage(SectionPageMixin, Page):
    """One brand: its logo, its story, and its news and activities."""

    logo = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.PROTECT, related_name="+", verbose_name=_("logo")
    )
    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    story = RichTextField(_("story"), blank=True)
    website = models.URLField(_("official website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("logo"),
        FieldPanel("tagline"),
        FieldPanel("story"),
        FieldPanel("website"),
        InlinePanel("news_items", label=_("News and activities")),
    ]
    search_fields = Page.search_fields + [index.SearchField("tagline"), index.SearchField("story")]
    parent_page_types = ["products.BrandIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("brand page")

    def get_context(self, request, *args, **kwargs):
        from products.showcases import card_queryset

        context = super().get_context(request, *args, **kwargs)
        products = card_queryset().filter(brand=self).order_by("-first_published_at", "-pk")
        context["brand_products"] = list(products[:BRAND_PRODUCTS_SHOWN])
        context["brand_product_count"] = products.count()
        return context

    def get_news(self):
        """News entries, newest first."""
        return sorted(
            self.news_items.all(), key=lambda item: (item.date, item.pk or 0), reverse=True
        )


class BrandNewsItem(Orderable):
    """A dated piece of brand news or an activity (a launch, a promotion, an event)."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ACTIVITY = "activity", _("Activity")

    brand = ParentalKey(BrandPage, on_delete=models.CASCADE, related_name="news_items")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=160)
    text = RichTextField(_("text"), blank=True)
    link_url = models.CharField(_("link"), max_length=500, blank=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("brand news item")
        verbose_name_plural = _("brand news items")
