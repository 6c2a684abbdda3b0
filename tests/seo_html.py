"""Read what search engines read in a served page: the head tags, the JSON-LD blocks and the
pictures' ``srcset``, parsed from the HTML as a crawler would (not matched as strings)."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image as PILImage

HREFLANGS = {"zh-hans", "en", "x-default"}


@dataclass
class Head:
    lang: str = ""
    title: str = ""
    meta: dict = field(default_factory=dict)  # name or property → [content, …]
    links: list = field(default_factory=list)  # (rel, hreflang, href)
    json_ld: list = field(default_factory=list)
    images: list = field(default_factory=list)  # attributes of each <img>

    def one(self, key: str) -> str:
        """The content of the one meta tag named (or with the property) ``key``."""
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    @property
    def canonical(self) -> str:
        found = [href for rel, _lang, href in self.links if rel == "canonical"]
        assert len(found) <= 1, found
        return found[0] if found else ""

    @property
    def alternates(self) -> dict:
        return {
            lang.lower(): href for rel, lang, href in self.links if rel == "alternate" and lang
        }

    def structured(self, kind: str) -> dict:
        """The one JSON-LD object of schema.org type ``kind``."""
        found = [data for data in self.json_ld if data.get("@type") == kind]
        assert len(found) == 1, f"{kind}: {[data.get('@type') for data in self.json_ld]}"
        return found[0]

    def types(self) -> list[str]:
        return [data.get("@type") for data in self.json_ld]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.head.lang = attrs.get("lang", "")
        elif tag == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.head.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.head.links.append((attrs.get("rel"), attrs.get("hreflang"), attrs.get("href")))
        elif tag == "img":
            self.head.images.append(attrs)
        elif tag == "title" and not self.head.title:
            self._in, self._text = "title", []
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in, self._text = "json_ld", []

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._in == "title" and tag == "title":
            self.head.title = " ".join("".join(self._text).split())
            self._in = None
        elif self._in == "json_ld" and tag == "script":
            self.head.json_ld.append(json.loads("".join(self._text)))
            self._in = None


def read_head(response) -> Head:
    """The head tags, JSON-LD blocks and pictures of a 200 response."""
    assert response.status_code == 200, response.status_code
    parser = _Parser()
    parser.feed(response.content.decode())
    return parser.head


def srcset_widths(srcset: str) -> list[tuple[str, int]]:
    """(address, width) of each candidate of a ``srcset`` with width descriptors."""
    candidates = []
    for candidate in srcset.split(","):
        address, descriptor = candidate.split()
        assert descriptor.endswith("w"), descriptor
        candidates.append((address, int(descriptor[:-1])))
    return candidates


def served_image_size(address: str) -> tuple[int, int]:
    """The real pixel size of the picture at ``address`` (a media path or absolute URL), read
    from the file the web server would send."""
    path = urlsplit(address).path
    assert path.startswith(settings.MEDIA_URL), address
    with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as file:
        return PILImage.open(file).size
