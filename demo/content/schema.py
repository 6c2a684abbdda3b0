"""The shapes of the demo content: plain records the loader turns into pages.

Texts live in sibling modules as instances of these records, so the writing can
be read and changed without touching the code that saves it.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Look:
    """How a picture is drawn: a motif or mark shape and two colours (hex)."""

    motif: str
    colour: str
    accent: str


@dataclass(frozen=True)
class BrandNews:
    days_ago: int
    kind: str  # "news" or "activity", as BrandNewsItem.Kind
    title: str
    text: str
    link_url: str = ""


@dataclass(frozen=True)
class Brand:
    slug: str
    title: str
    latin_name: str  # drawn on the logo: pictures carry ASCII text only
    initials: str
    look: Look  # look.motif is the logo's mark shape
    tagline: str
    story: str
    website: str
    news: tuple[BrandNews, ...]


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str  # "中文 | English"; the English half goes on the cover
    summary: str
    author: str
    days_ago: int
    tags: tuple[str, ...]  # slugs of TAGS
    kicker: str  # ASCII topic word printed above the cover headline
    look: Look
    intro: str
    checklist: tuple[str, ...]  # ASCII points drawn on the body illustration
    caption: str
    sections: tuple[tuple[str, str], ...]  # (heading, rich-text HTML)
    quote: tuple[str, str]  # (text, source)

    @property
    def headline(self) -> str:
        return self.title.split("|")[-1].strip()


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    label: str  # ASCII caption of the highlighted box in the mock screenshot
    layout: str  # "product", "form" or "list"


@dataclass(frozen=True)
class HelpArticle:
    slug: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    tip: str
    faqs: tuple[tuple[str, str], ...]  # (question, answer HTML)


@dataclass(frozen=True)
class HelpCategory:
    slug: str
    title: str
    description: str
    look: Look
    articles: tuple[HelpArticle, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Banner:
    key: str  # names the picture; unique
    heading: str
    alt_text: str
    headline: str  # ASCII, drawn on the picture
    subline: str  # ASCII, drawn on the picture
    look: Look
    link: str  # "guide:<slug>", "brands" or "help"
    starts_in_days: int | None  # negative: in the past; None: open
    ends_in_days: int | None


@dataclass(frozen=True)
class StaffUser:
    username: str
    group: str
    first_name: str
    last_name: str
