"""Pages placed in the real site tree that the data migrations create.

Every factory puts its page under the right section by default (guides under
/guides/, brands under /brands/, help categories under /help/); pass ``parent``
to place it elsewhere. ``live=False`` makes a draft with a saved revision, as an
editor's unpublished page would be.
"""

import factory
from django.utils import timezone
from django.utils.text import slugify

from guides.models import GuideIndexPage, GuidePage
from help_center.models import HelpArticlePage, HelpCategoryPage, HelpCenterPage
from products.models import BrandIndexPage, BrandPage

from .images import ImageFactory


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page as the last child of ``parent`` in the page tree."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title) or "page")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        if page.live:
            page.first_published_at = page.last_published_at = timezone.now()
        else:
            page.has_unpublished_changes = True
        parent.add_child(instance=page)
        if not page.live:
            page.save_revision()
        return page


class BrandPageFactory(PageFactory):
    class Meta:
        model = BrandPage

    parent = factory.LazyFunction(lambda: BrandIndexPage.objects.get())
    title = factory.Sequence(lambda n: f"Brand {n}")
    logo = factory.SubFactory(ImageFactory)
    tagline = "Made to last"
    story = "<p>Our story.</p>"


class GuidePageFactory(PageFactory):
    """A guide with one paragraph of body text; ``tags=["tea"]`` tags it."""

    class Meta:
        model = GuidePage

    parent = factory.LazyFunction(lambda: GuideIndexPage.objects.get())
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = factory.LazyAttribute(lambda page: f"What to know about {page.title}.")
    author = "Lin Wei"
    date = factory.LazyFunction(timezone.localdate)
    body = factory.LazyAttribute(
        lambda page: [{"type": "rich_text", "value": f"<p>Body of {page.title}.</p>"}]
    )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


class HelpCategoryPageFactory(PageFactory):
    class Meta:
        model = HelpCategoryPage

    parent = factory.LazyFunction(lambda: HelpCenterPage.objects.get())
    title = factory.Sequence(lambda n: f"Help category {n}")
    description = "Questions and answers."


class HelpArticlePageFactory(PageFactory):
    """A one-step tutorial in a new category unless ``parent`` names one."""

    class Meta:
        model = HelpArticlePage

    parent = factory.SubFactory(HelpCategoryPageFactory)
    title = factory.Sequence(lambda n: f"Help article {n}")
    summary = "How to do it."
    body = factory.LazyAttribute(
        lambda page: [
            {
                "type": "step",
                "value": {
                    "title": "First step",
                    "text": "<p>Open the page.</p>",
                    "image": None,
                    "alt_text": "",
                },
            },
        ]
    )
