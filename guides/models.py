"""Shopping guides: articles editors write about products, filed under tags.

Layers above the guides add what they own to a guide page through the Wagtail hook
``guide_page_context``: each registered function takes ``request``, ``page`` and ``preview``
and returns entries for the page's context (commerce: the readers' comments).
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import ImageBlock, QuoteBlock
from core.permissions import SectionPageMixin
from products.blocks import ProductCardsBlock

GUIDES_PER_PAGE = 12
GUIDE_PAGE_HOOK = "guide_page_context"


class GuideStreamBlock(blocks.StreamBlock):
    """The body of a guide: text, pictures, quotes and cards of the products it talks about."""

    rich_text = blocks.RichTextBlock(label=_("Text"), template="blocks/rich_text.html")
    image = ImageBlock()
    quote = QuoteBlock()
    products = ProductCardsBlock()


class GuideIndexPage(SectionPageMixin, Page):
    """All guides at /guides/, newest first, filterable by tag, paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("guide index page")

    def get_guides(self, tag: str | None = None):
        guides = (
            GuidePage.objects.child_of(self)
            .live()
            .select_related("cover_image")
            .order_by("-date", "-pk")
        )
        if tag:
            guides = guides.filter(tags__slug=tag)
        return guides

    def get_tags(self):
        """Tags used by at least one live guide of this index, by name."""
        return (
            Tag.objects.filter(
                guides_guidepagetag_items__content_object__in=GuidePage.objects.child_of(
                    self
                ).live()
            )
            .distinct()
            .order_by("name")
        )

    def paginate(self, request, guides):
        """The requested page of guides; bad or out-of-range numbers fall back to a real page."""
        paginator = Paginator(guides, GUIDES_PER_PAGE)
        number = request.GET.get("page")
        try:
            return paginator.page(number)
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags = list(self.get_tags())
        current_tag = request.GET.get("tag") or ""
        if current_tag and current_tag not in {tag.slug for tag in tags}:
            current_tag = ""
            context["unknown_tag"] = True
        context["tags"] = tags
        context["current_tag"] = next((tag for tag in tags if tag.slug == current_tag), None)
        context["guides"] = self.paginate(request, self.get_guides(current_tag or None))
        return context


class GuidePageTag(TaggedItemBase):
    """Links guides to taggit tags."""

    content_object = ParentalKey(
        "guides.GuidePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GuidePage(SectionPageMixin, Page):
    """One shopping-guide article."""

    summary = models.TextField(_("summary"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    author = models.CharField(_("author"), max_length=80)
    date = models.DateField(_("publish date"), default=timezone.localdate)
    tags = ClusterTaggableManager(through=GuidePageTag, blank=True, verbose_name=_("tags"))
    body = StreamField(GuideStreamBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("date"), FieldPanel("tags")], heading=_("About")
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.SearchField("search_text"),
    ]
    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def get_context(self, request, *args, **kwargs):
        """The page, then what the ``guide_page_context`` hooks add (see the module docstring);
        the admin preview of a draft passes ``preview`` so they can leave it out."""
        context = super().get_context(request, *args, **kwargs)
        preview = bool(getattr(request, "is_preview", False))
        for extend in hooks.get_hooks(GUIDE_PAGE_HOOK):
            context.update(extend(request=request, page=self, preview=preview))
        return context

    @property
    def search_text(self) -> str:
        """Title, summary, tags and body in both languages, cut into words for the full-text
        index (see core.text)."""
        from core.bilingual import every_language, stream_texts
        from core.text import segment

        parts = [
            *every_language(self, "title"),
            *every_language(self, "summary"),
            *(tag.name for tag in self.tags.all()),
            *stream_texts(self, "body"),
        ]
        return segment(" ".join(parts))
