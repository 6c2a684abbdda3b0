"""The help center: categories of step-by-step tutorials mixing images and text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index

from core.permissions import SectionPageMixin


class StepBlock(blocks.StructBlock):
    """One step of a tutorial: what to do, with an optional screenshot."""

    title = blocks.CharBlock(max_length=120, label=_("Step title"))
    text = blocks.RichTextBlock(label=_("Text"))
    image = ImageChooserBlock(required=False, label=_("Image"))
    alt_text = blocks.CharBlock(required=False, max_length=200, label=_("Alternative text"))

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "blocks/help_step.html"


class TipBlock(blocks.StructBlock):
    """A highlighted tip or warning next to the steps."""

    text = blocks.RichTextBlock(label=_("Tip"))

    class Meta:
        icon = "warning"
        label = _("Tip")
        template = "blocks/help_tip.html"


class FaqBlock(blocks.StructBlock):
    """A frequently asked question and its answer."""

    question = blocks.CharBlock(max_length=200, label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("FAQ item")
        template = "blocks/help_faq.html"


class HelpStreamBlock(blocks.StreamBlock):
    step = StepBlock()
    tip = TipBlock()
    faq = FaqBlock()


class HelpCenterPage(SectionPageMixin, Page):
    """The help center at /help/: every category and its articles."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["help_center.HelpCategoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("help center")

    def get_categories_with_articles(self):
        """Live categories in tree order, each with its live articles (two queries in all)."""
        categories = list(HelpCategoryPage.objects.child_of(self).live().order_by("path"))
        articles = HelpArticlePage.objects.live().descendant_of(self).order_by("path")
        by_parent_path: dict[str, list] = {}
        for article in articles:
            by_parent_path.setdefault(article.path[: -Page.steplen], []).append(article)
        return [(category, by_parent_path.get(category.path, [])) for category in categories]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = self.get_categories_with_articles()
        return context


class HelpCategoryPage(SectionPageMixin, Page):
    """A group of help articles, e.g. "Payment" or "Returns"."""

    description = models.TextField(_("description"), blank=True)
    icon_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("icon"),
    )

    content_panels = Page.content_panels + [FieldPanel("description"), FieldPanel("icon_image")]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["help_center.HelpCenterPage"]
    subpage_types = ["help_center.HelpArticlePage"]

    class Meta:
        verbose_name = _("help category")
        verbose_name_plural = _("help categories")

    def get_articles(self):
        return HelpArticlePage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_articles()
        return context


class HelpArticlePage(SectionPageMixin, Page):
    """A tutorial: steps with images, tips and FAQ items."""

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(HelpStreamBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_text"),
    ]
    parent_page_types = ["help_center.HelpCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("help article")
        verbose_name_plural = _("help articles")

    def get_siblings_around(self):
        """The previous and next live article in the same category (None at either end)."""
        siblings = HelpArticlePage.objects.sibling_of(self, inclusive=False).live()
        previous = siblings.filter(path__lt=self.path).order_by("-path").first()
        following = siblings.filter(path__gt=self.path).order_by("path").first()
        return previous, following

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["previous_article"], context["next_article"] = self.get_siblings_around()
        return context

    @property
    def search_text(self) -> str:
        """Title, summary and body in both languages, cut into words for the full-text index
        (see core.text)."""
        from core.bilingual import every_language, stream_texts
        from core.text import segment

        parts = [
            *every_language(self, "title"),
            *every_language(self, "summary"),
            *stream_texts(self, "body"),
        ]
        return segment(" ".join(parts))
