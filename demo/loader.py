"""Builds the demo shop into the site tree the migrations created.

Every step looks up what it would create (pages by slug under their parent,
images by title, users by username, announcements by text) and skips what is
already there; existing pages are never saved again. Running the loader twice
therefore changes nothing, and a page an editor has changed stays as it is.
"""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from core import bilingual
from guides.models import GuideIndexPage, GuidePage
from help_center.models import HelpArticlePage, HelpCategoryPage, HelpCenterPage
from home.models import HomePage
from products.models import BrandIndexPage, BrandNewsItem, BrandPage

from . import images
from .bilingual import chinese, english, fields, split_fields
from .content import BRANDS, GUIDES, HELP_CATEGORIES, shop
from .content import english as english_texts
from .library import ImageLibrary
from .site import fill_announcements, fill_settings, fill_users


def publish_child(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` and publish it, so it has a first revision like an editor's
    page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def titles(value: str, style: str) -> dict:
    """A page's title in both languages from a title written with both (core.bilingual)."""
    title_cn, title_en = bilingual.split(value, style)
    return {"title": title_cn, **fields("title", title_cn, title_en)}


def chinese_welcome() -> str:
    """The Chinese welcome text: its heading carries the English word after a "|"."""
    return shop.WELCOME.replace("欢迎来到本店 | Welcome", "欢迎来到本店")


def day_start(days_from_today: int) -> datetime.datetime:
    """Local midnight ``days_from_today`` days away (negative: in the past), as an aware
    datetime."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + datetime.timedelta(days=days_from_today)


def maybe_day(days: int | None) -> datetime.datetime | None:
    """``day_start`` for a schedule edge that may be open (None)."""
    return None if days is None else day_start(days)


class DemoLoader:
    """Loads the demo content in dependency order: pictures and pages first, then what links to
    them."""

    def __init__(self, log: Callable[[str], None] = lambda message: None):
        self.log = log

    @transaction.atomic
    def run(self) -> None:
        self.home = HomePage.objects.get(depth=2)
        self.site = Site.objects.get(is_default_site=True)
        self.name_site()
        self.images = ImageLibrary()
        self.tags = self.load_tags()
        self.brands = self.load_brands(BrandIndexPage.objects.child_of(self.home).get())
        self.guides = self.load_guides(GuideIndexPage.objects.child_of(self.home).get())
        self.help_center = HelpCenterPage.objects.child_of(self.home).get()
        self.help_pages = self.load_help(self.help_center)
        self.fill_sections()
        self.fill_home_page()
        existing_images = len(self.images.by_title) - self.images.created
        self.log(f"Images: {self.images.created} drawn, {existing_images} already there")
        self.log(fill_announcements(shop.ANNOUNCEMENTS, day=maybe_day))
        self.log(fill_settings(self.site, link=self.link_value))
        self.log(fill_users())

    def name_site(self) -> None:
        """Give the demo shop a name, unless someone already renamed the site."""
        if self.site.site_name in ("", "Shop"):
            self.site.site_name = shop.SITE_NAME
            self.site.save(update_fields=["site_name"])

    # Tags, brands, guides, help ------------------------------------------------

    def load_tags(self) -> dict[str, Tag]:
        """The shared guide tags with ASCII slugs, so tag filter URLs read ?tag=digital."""
        tags = {}
        for slug, name in shop.TAGS.items():
            # Names are unique too: an editor may already have typed one of these tags.
            existing = Tag.objects.filter(Q(slug=slug) | Q(name=name)).first()
            tags[slug] = existing or Tag.objects.create(slug=slug, name=name)
        return tags

    def load_brands(self, index: BrandIndexPage) -> dict[str, BrandPage]:
        existing = {page.slug: page for page in BrandPage.objects.child_of(index)}
        brands = {
            brand.slug: existing.get(brand.slug) or publish_child(index, self.new_brand(brand))
            for brand in BRANDS
        }
        self.log_pages("Brands", len(BRANDS), sum(slug in existing for slug in brands))
        return brands

    def new_brand(self, brand) -> BrandPage:
        look = brand.look
        logo = self.images.get(
            title=f"{brand.title} logo",
            filename=f"logo-{brand.slug}.png",
            description=f"{brand.title} 标志",
            draw=lambda: images.draw_logo(
                name=brand.latin_name,
                initials=brand.initials,
                shape=look.motif,
                colour=look.colour,
                accent=look.accent,
            ),
        )
        page = BrandPage(
            **titles(brand.title, bilingual.LABEL),
            slug=brand.slug,
            logo=logo,
            **split_fields("tagline", brand.tagline, bilingual.DOT),
            **fields("story", brand.story, english_texts.BRAND_STORIES.get(brand.slug)),
            website=brand.website,
            **split_fields("search_description", brand.tagline, bilingual.DOT),
        )
        news_in_english = english_texts.BRAND_NEWS.get(brand.slug, ())
        page.news_items = [
            BrandNewsItem(
                date=timezone.localdate() - datetime.timedelta(days=item.days_ago),
                kind=item.kind,
                **fields("title", item.title, title_en),
                **fields("text", item.text, text_en),
                link_url=item.link_url,
                sort_order=position,
            )
            for position, (item, (title_en, text_en)) in enumerate(
                zip(brand.news, news_in_english or [(None, None)] * len(brand.news), strict=True)
            )
        ]
        return page

    def load_guides(self, index: GuideIndexPage) -> dict[str, GuidePage]:
        existing = {page.slug: page for page in GuidePage.objects.child_of(index)}
        # Oldest first, so the tree order matches the publishing order.
        guides = {
            guide.slug: existing.get(guide.slug) or publish_child(index, self.new_guide(guide))
            for guide in sorted(GUIDES, key=lambda guide: -guide.days_ago)
        }
        self.log_pages("Guides", len(GUIDES), sum(slug in existing for slug in guides))
        return guides

    def new_guide(self, guide) -> GuidePage:
        look = guide.look
        cover = self.images.get(
            title=f"{guide.title} · 封面 cover",
            filename=f"guide-{guide.slug}-cover.png",
            description=f"{guide.title} 封面图",
            draw=lambda: images.draw_cover(
                headline=guide.headline,
                kicker=guide.kicker,
                motif=look.motif,
                colour=look.colour,
                accent=look.accent,
            ),
        )
        checklist = self.images.get(
            title=f"{guide.title} · 要点 checklist",
            filename=f"guide-{guide.slug}-checklist.png",
            description=guide.caption,
            draw=lambda: images.draw_checklist(
                heading="Before you buy",
                items=list(guide.checklist),
                colour=look.colour,
                accent=look.accent,
            ),
        )
        date = timezone.localdate() - datetime.timedelta(days=guide.days_ago)
        summary_en = english_texts.GUIDE_SUMMARIES.get(guide.slug)
        page = GuidePage(
            **titles(guide.title, bilingual.BAR),
            slug=guide.slug,
            **fields("summary", guide.summary, summary_en),
            **fields("search_description", guide.summary, summary_en),
            cover_image=cover,
            author=guide.author,
            date=date,
            **fields("body", self.guide_body(guide, checklist)),
            first_published_at=day_start(-guide.days_ago) + datetime.timedelta(hours=10),
        )
        page.tags.add(*(self.tags[slug] for slug in guide.tags))
        return page

    @staticmethod
    def guide_body(guide, checklist) -> list:
        """Intro, illustration, two sections, a quote, then the remaining sections."""
        sections = [f"<h2>{heading}</h2>{html}" for heading, html in guide.sections]
        quote_text, quote_source = guide.quote
        return [
            ("rich_text", guide.intro),
            ("image", {"image": checklist, "alt_text": guide.caption, "caption": guide.caption}),
            ("rich_text", "".join(sections[:2])),
            ("quote", {"text": quote_text, "source": quote_source}),
            ("rich_text", "".join(sections[2:])),
        ]

    def load_help(self, center: HelpCenterPage) -> dict[str, Page]:
        """Categories and their articles; returns both, keyed "help:<slug>"."""
        pages, created = {}, 0
        existing = {page.slug: page for page in HelpCategoryPage.objects.child_of(center)}
        for category in HELP_CATEGORIES:
            page = existing.get(category.slug)
            if page is None:
                page = publish_child(center, self.new_help_category(category))
                created += 1
            pages[f"help:{category.slug}"] = page
            created += self.load_help_articles(page, category, pages)
        total = len(HELP_CATEGORIES) + sum(len(category.articles) for category in HELP_CATEGORIES)
        self.log_pages("Help categories and articles", total, total - created)
        return pages

    def new_help_category(self, category) -> HelpCategoryPage:
        look = category.look
        icon = self.images.get(
            title=f"{category.title} · 图标 icon",
            filename=f"help-{category.slug}-icon.png",
            description=f"{category.title} 图标",
            draw=lambda: images.draw_icon(motif=look.motif, colour=look.colour),
        )
        description_en = english_texts.HELP_CATEGORY_DESCRIPTIONS.get(category.slug)
        return HelpCategoryPage(
            **titles(category.title, bilingual.LABEL),
            slug=category.slug,
            **fields("description", category.description, description_en),
            **fields("search_description", category.description, description_en),
            icon_image=icon,
        )

    def load_help_articles(self, category_page, category, pages) -> int:
        existing = {page.slug: page for page in HelpArticlePage.objects.child_of(category_page)}
        created = 0
        for article in category.articles:
            page = existing.get(article.slug)
            if page is None:
                page = publish_child(category_page, self.new_help_article(article, category.look))
                created += 1
            pages[f"help:{article.slug}"] = page
        return created

    def new_help_article(self, article, look) -> HelpArticlePage:
        body = []
        for number, step in enumerate(article.steps, start=1):
            screenshot = self.images.get(
                title=f"{article.title} · 步骤 {number} step {number}",
                filename=f"help-{article.slug}-step-{number}.png",
                description=f"第 {number} 步：{step.title}",
                draw=lambda number=number, step=step: images.draw_screenshot(
                    number=number, label=step.label, layout=step.layout, colour=look.colour
                ),
            )
            body.append(
                (
                    "step",
                    {
                        "title": step.title,
                        "text": step.text,
                        "image": screenshot,
                        "alt_text": f"示意图：{step.title}",
                    },
                )
            )
        body.append(("tip", {"text": article.tip}))
        body.extend(
            ("faq", {"question": question, "answer": answer}) for question, answer in article.faqs
        )
        summary_en = english_texts.HELP_SUMMARIES.get(article.slug)
        return HelpArticlePage(
            **titles(article.title, bilingual.BAR),
            slug=article.slug,
            **fields("summary", article.summary, summary_en),
            **fields("search_description", article.summary, summary_en),
            **fields("body", body),
        )

    # Pages the migrations created --------------------------------------------

    def fill_sections(self) -> None:
        """Give the three section pages their intros, once (while they have never been edited)."""
        filled = 0
        for page in self.home.get_children().specific():
            intro = shop.SECTION_INTROS.get(page.slug)
            if intro and page.latest_revision_id is None and not page.intro_zh_hans:
                page.intro_zh_hans = intro
                page.intro_en = english_texts.SECTION_INTROS.get(page.slug)
                page.save_revision().publish()
                filled += 1
        self.log(f"Section intros: {filled} filled")

    def fill_home_page(self) -> None:
        """Lay out the home page once; after that it belongs to the merchandisers."""
        if self.home.latest_revision_id is not None or self.home.body_zh_hans:
            self.log("Home page: already laid out")
            return
        self.home.body_zh_hans = self.home_body(in_chinese=True)
        self.home.body_en = self.home_body(in_chinese=False)
        self.home.save_revision().publish()
        self.log("Home page: laid out and published")

    def home_body(self, *, in_chinese: bool) -> list:
        """The home page's body in Chinese or in English (translated as a whole)."""
        shortcuts = [self.help_pages[f"help:{category.slug}"] for category in HELP_CATEGORIES]
        part = chinese if in_chinese else english
        welcome = chinese_welcome() if in_chinese else english_texts.WELCOME
        return [
            (
                "banner_carousel",
                {
                    "banners": [
                        self.banner_value(banner, in_chinese=in_chinese) for banner in shop.BANNERS
                    ]
                },
            ),
            ("rich_text", welcome),
            (
                "guide_teasers",
                {"heading": part("最新导购 Latest guides"), "guides": [], "count": 4},
            ),
            ("brand_wall", {"heading": part("精选品牌 Our brands"), "brands": []}),
            (
                "help_shortcuts",
                {"heading": part("帮助中心 Help center"), "shortcuts": shortcuts},
            ),
        ]

    def banner_value(self, banner, *, in_chinese: bool = True) -> dict:
        look = banner.look
        picture = self.images.get(
            title=f"横幅 Banner · {banner.heading}",
            filename=f"banner-{banner.key}.png",
            description=banner.alt_text,
            draw=lambda: images.draw_banner(
                headline=banner.headline,
                subline=banner.subline,
                motif=look.motif,
                colour=look.colour,
                accent=look.accent,
            ),
        )
        # The English banner: the words drawn on the picture are its heading and description.
        return {
            "image": picture,
            "alt_text": banner.alt_text if in_chinese else f"{banner.headline}: {banner.subline}",
            "heading": banner.heading if in_chinese else banner.headline,
            "link": self.link_value(banner.link),
            "starts_at": maybe_day(banner.starts_in_days),
            "ends_at": maybe_day(banner.ends_in_days),
        }

    def link_value(self, target: str) -> dict:
        """A LinkBlock value for "guide:<slug>", "brand:<slug>", "help:<slug>", "brands", "guides"
        or "help"."""
        kind, _, slug = target.partition(":")
        if kind == "guide":
            page = self.guides[slug]
        elif kind == "brand":
            page = self.brands[slug]
        elif kind == "help" and slug:
            page = self.help_pages[target]
        else:
            page = self.home.get_children().get(slug=kind)
        return {"page": page, "url": ""}

    def log_pages(self, label: str, total: int, existing: int) -> None:
        self.log(f"{label}: {total - existing} created, {existing} already there")
