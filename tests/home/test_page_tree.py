"""The page tree only lets editors build a sensible site.

Home page at the root; brands, guides and the help center directly under it, once
each; brand pages, guides and help categories only in their own section; help
articles only inside a category.
"""

from django.apps import apps
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import GuideIndexPage, GuidePage
from help_center.models import HelpArticlePage, HelpCategoryPage, HelpCenterPage
from home.models import HomePage
from products.models import BrandIndexPage, BrandPage
from tests.factories import HelpCategoryPageFactory, UserFactory
from tests.factories.forms import in_both_languages


class PageTreeRulesTests(WagtailPageTestCase):
    """Which page type may live under which (type rules, independent of content)."""

    def test_home_page_lives_only_at_the_root_and_holds_the_three_sections_and_campaigns(self):
        campaign_page = apps.get_model("commerce", "CampaignPage")
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {BrandIndexPage, GuideIndexPage, HelpCenterPage, campaign_page}
        )

    def test_brand_index_lives_under_home_and_holds_brands(self):
        self.assertAllowedParentPageTypes(BrandIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BrandIndexPage, {BrandPage})

    def test_brand_page_lives_under_brand_index_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(BrandPage, {BrandIndexPage})
        self.assertAllowedSubpageTypes(BrandPage, set())

    def test_guide_index_lives_under_home_and_holds_guides(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})

    def test_guide_page_lives_under_guide_index_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, set())

    def test_help_center_lives_under_home_and_holds_categories(self):
        self.assertAllowedParentPageTypes(HelpCenterPage, {HomePage})
        self.assertAllowedSubpageTypes(HelpCenterPage, {HelpCategoryPage})

    def test_help_category_lives_under_help_center_and_holds_articles(self):
        self.assertAllowedParentPageTypes(HelpCategoryPage, {HelpCenterPage})
        self.assertAllowedSubpageTypes(HelpCategoryPage, {HelpArticlePage})

    def test_help_article_lives_under_a_category_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(HelpArticlePage, {HelpCategoryPage})
        self.assertAllowedSubpageTypes(HelpArticlePage, set())

    def test_allowed_placements(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanCreateAt(HomePage, GuideIndexPage)
        self.assertCanCreateAt(GuideIndexPage, GuidePage)
        self.assertCanCreateAt(BrandIndexPage, BrandPage)
        self.assertCanCreateAt(HelpCenterPage, HelpCategoryPage)
        self.assertCanCreateAt(HelpCategoryPage, HelpArticlePage)

    def test_forbidden_placements(self):
        self.assertCanNotCreateAt(HelpCenterPage, GuidePage)
        self.assertCanNotCreateAt(HomePage, GuidePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(GuideIndexPage, HomePage)
        self.assertCanNotCreateAt(GuideIndexPage, BrandPage)
        self.assertCanNotCreateAt(BrandIndexPage, GuidePage)
        self.assertCanNotCreateAt(HelpCenterPage, HelpArticlePage)
        self.assertCanNotCreateAt(HelpCategoryPage, HelpCategoryPage)
        self.assertCanNotCreateAt(GuidePage, GuidePage)
        self.assertCanNotCreateAt(Page, GuideIndexPage)


class SingleInstanceTests(WagtailPageTestCase):
    """The home page and each section index exist once (max_count=1); the migration made them."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePage.objects.get(slug="home")

    def test_a_second_home_page_cannot_be_created(self):
        assert HomePage.max_count == 1
        assert HomePage.can_create_at(self.root) is False

    def test_a_second_section_index_cannot_be_created(self):
        for index_model in (BrandIndexPage, GuideIndexPage, HelpCenterPage):
            with self.subTest(index_model.__name__):
                assert index_model.max_count == 1
                assert index_model.can_create_at(self.home) is False

    def test_the_add_view_refuses_a_second_guide_index(self):
        self.client.force_login(UserFactory(is_superuser=True))
        url = reverse("wagtailadmin_pages:add", args=["guides", "guideindexpage", self.home.pk])

        response = self.client.get(url)

        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


class CreateThroughAdminTests(WagtailPageTestCase):
    """A superuser can create the content page types through the real admin add view."""

    @classmethod
    def setUpTestData(cls):
        cls.guides = GuideIndexPage.objects.get()
        cls.superuser = UserFactory(is_superuser=True)

    def setUp(self):
        self.client.force_login(self.superuser)

    def test_guide_with_text_and_quote_blocks_can_be_created_under_the_guide_index(self):
        data = nested_form_data(
            in_both_languages(
                GuidePage,
                {
                    "title": "Choosing a tea set",
                    "slug": "choosing-a-tea-set",
                    "summary": "Porcelain, clay or glass: what suits which tea.",
                    "author": "Lin Wei",
                    "date": "2025-03-01",
                    "tags": "tea, kitchen",
                    "body": streamfield(
                        [
                            ("rich_text", rich_text("<p>Start with the tea you drink most.</p>")),
                            ("quote", {"text": "Good tea needs good water.", "source": "Lu Yu"}),
                        ]
                    ),
                    "comments": inline_formset([]),
                },
            )
        )

        self.assertCanCreate(self.guides, GuidePage, data)

        guide = GuidePage.objects.get(slug="choosing-a-tea-set")
        assert guide.live is True
        assert guide.get_parent().pk == self.guides.pk
        assert [block.block_type for block in guide.body] == ["rich_text", "quote"]
        assert guide.body[1].value["source"] == "Lu Yu"
        assert sorted(tag.name for tag in guide.tags.all()) == ["kitchen", "tea"]

    def test_help_article_with_a_step_can_be_created_under_a_category(self):
        category = HelpCategoryPageFactory(title="Payment")
        data = nested_form_data(
            in_both_languages(
                HelpArticlePage,
                {
                    "title": "Paying by bank transfer",
                    "slug": "paying-by-bank-transfer",
                    "summary": "Three steps.",
                    "body": streamfield(
                        [
                            (
                                "step",
                                {
                                    "title": "Choose bank transfer",
                                    "text": rich_text("<p>At checkout.</p>"),
                                    "image": "",
                                    "alt_text": "",
                                },
                            ),
                            (
                                "faq",
                                {
                                    "question": "How long does it take?",
                                    "answer": rich_text("<p>One day.</p>"),
                                },
                            ),
                        ]
                    ),
                    "comments": inline_formset([]),
                },
            )
        )

        self.assertCanCreate(category, HelpArticlePage, data)

        article = HelpArticlePage.objects.get(slug="paying-by-bank-transfer")
        assert article.get_parent().pk == category.pk
        assert [block.block_type for block in article.body] == ["step", "faq"]
        assert article.body[0].value["title"] == "Choose bank transfer"
