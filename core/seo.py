"""What search engines and link previews read in a page's head (F-36): the title, the
description, the canonical address, the Open Graph picture and the structured data.

A page's app describes it as a ``PageMeta`` (from the page's own fields, with fallbacks);
``templates/includes/seo_head.html`` renders whatever ``PageMeta`` it is given, so every page
type gets the same tags. Everything here is absolute: crawlers and chat apps read the tags
without the page's address.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html import unescape
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SCHEMA = "https://schema.org"
# Google shows about 160 characters of a description (Baidu about 80 Chinese characters, which
# take the room of two Latin ones); a longer text is cut at a word with an ellipsis.
DESCRIPTION_LENGTH = 160
# Open Graph pictures: WeChat, Weibo and Facebook crop to about 1.91:1; JPEG everywhere reads.
WIDE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
SQUARE_IMAGE_SPEC = "fill-1200x1200|format-jpeg"
LOGO_IMAGE_SPEC = "max-1200x630|bgcolor-ffffff|format-jpeg"
_SPACES = re.compile(r"\s+")
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


@dataclass(frozen=True)
class SeoImage:
    """A picture for previews, with the rendition's real size (never the size asked for)."""

    url: str  # absolute
    width: int
    height: int
    alt: str = ""


@dataclass
class PageMeta:
    """Everything the head tags say about one page.

    ``title`` is the page's own title (the site name is added by the template), ``og_title``
    the one link previews show when it differs (the home page's is the site name);
    ``canonical`` is absolute ("" on previews and private pages); ``structured_data`` holds
    schema.org objects, each rendered as its own JSON-LD block.
    """

    title: str
    og_title: str = ""
    description: str = ""
    canonical: str = ""
    og_type: str = "website"
    image: SeoImage | None = None
    robots: str = ""
    structured_data: list = field(default_factory=list)
    published: datetime | date | None = None
    modified: datetime | date | None = None
    price: str = ""  # og product:price:amount
    currency: str = ""


def plain_text(value, limit: int = DESCRIPTION_LENGTH) -> str:
    """Rich text or plain text as one line of at most ``limit`` characters (tags, entities and
    runs of spaces removed; cut at a word with "…")."""
    text = _SPACES.sub(" ", unescape(strip_tags(str(value or "")))).strip()
    return Truncator(text).chars(limit)


def first_text(*values, limit: int = DESCRIPTION_LENGTH) -> str:
    """The first of ``values`` with any text in it, as ``plain_text``."""
    for value in values:
        text = plain_text(value, limit)
        if text:
            return text
    return ""


def absolute_url(request, location: str) -> str:
    """``location`` (a path, or already absolute) as an absolute address on the request's host."""
    return request.build_absolute_uri(location)


def canonical_url(request, path: str, params=()) -> str:
    """The one address of a page: ``path`` with only the ``params`` (key, value) pairs that
    change what it shows, in the order given; "" on a preview (never indexed)."""
    if getattr(request, "is_preview", False):
        return ""
    kept = [(key, value) for key, value in params if value not in (None, "")]
    query = f"?{urlencode(kept)}" if kept else ""
    return absolute_url(request, f"{path}{query}")


def paged_title(title: str, number: int) -> str:
    """``title`` with "– Page n" from the second page on, so each page of a list is unique."""
    if number > 1:
        return _("%(title)s – Page %(number)d") % {"title": title, "number": number}
    return title


def paged_description(description: str, number: int) -> str:
    """``description`` with "(page n)" from the second page on."""
    if number > 1:
        return _("%(description)s (page %(number)d)") % {
            "description": description,
            "number": number,
        }
    return description


def seo_image(request, image, spec: str = WIDE_IMAGE_SPEC, alt: str = "") -> SeoImage | None:
    """An absolute preview picture made from a Wagtail image; None without an image.

    Renditions never upscale: a 600 px original gives a 600 px picture, and the width and
    height said are the rendition's own.
    """
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return SeoImage(
        url=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=alt or getattr(image, "default_alt_text", "") or image.title,
    )


def breadcrumb_list(request, items) -> dict:
    """schema.org BreadcrumbList for the visible breadcrumb: ``items`` are (name, path) from
    the home page down to the page itself (whose path may be None)."""
    elements = []
    for position, (name, path) in enumerate(items, start=1):
        element = {"@type": "ListItem", "position": position, "name": str(name)}
        if path:
            element["item"] = absolute_url(request, path)
        elements.append(element)
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": elements}


def og_locale(language: str) -> str:
    """The Open Graph locale of a Django language code (zh_CN, en_US)."""
    return OG_LOCALES.get((language or "").lower(), "zh_CN")


def json_ld(data) -> str:
    """One JSON-LD script block, escaped like ``json_script``: a "</script>" or "<!--" in a
    product name stays text inside the block."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _json_script_escapes
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
