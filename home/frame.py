"""The frame around every storefront page — the header's menu and the footer — cached per
site and language until something it shows changes.

Both are the same for every visitor (the signed-in part of the header and the cart count
are rendered outside them), so their queries (categories, the home page's sections, the
shop settings' footer links and the pages they point at) run once per change instead of
once per request. ``frame_version()`` is part of every key; any change that can alter the
frame bumps it: a page published, unpublished, moved or deleted, the shop settings or a
site saved, a category saved or deleted.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache import CacheVersion
from products.models import Category

from .models import ShopSettings

_version = CacheVersion("frame:version")
# A safety net only: every change that matters bumps the version.
FRAME_TIMEOUT = 24 * 3600


def frame_version() -> int:
    return _version.current()


def frame_changed(**kwargs) -> None:
    _version.bump()


def frame_settings_changed(created: bool = False, **kwargs) -> None:
    # The settings are created with their defaults on a site's first request, while the
    # frame is being drawn from those same defaults: nothing it shows has changed yet.
    if not created:
        _version.bump()


@dataclass(frozen=True)
class MenuLink:
    name: str
    url: str
    slug: str = ""
    path: str = ""
    children: tuple = ()


def menu_links(site: Site | None) -> tuple[list[MenuLink], list[MenuLink]]:
    """The header menu's top categories (with their subcategories) and the home page's
    sections shown in menus, from the cache when the frame has not changed."""
    key = f"frame:menu:{frame_version()}:{getattr(site, 'pk', 0)}:{translation.get_language()}"
    links = cache.get(key)
    if links is None:
        links = _menu_links(site)
        cache.set(key, links, FRAME_TIMEOUT)
    return links


def _menu_links(site: Site | None) -> tuple[list[MenuLink], list[MenuLink]]:
    nodes = list(
        Category.objects.filter(depth__lte=2)
        .order_by("path")
        .only("name", "slug", "path", "depth")
    )

    def link(node, children=()):
        return MenuLink(
            name=node.name, url=node.get_absolute_url(), slug=node.slug, children=children
        )

    categories = [
        link(
            top,
            tuple(
                link(child)
                for child in nodes
                if child.depth == 2 and child.path.startswith(top.path)
            ),
        )
        for top in nodes
        if top.depth == 1
    ]
    sections = []
    if site is not None:
        for section in site.root_page.get_children().live().in_menu():
            sections.append(
                MenuLink(name=section.title, url=section.get_url() or "", path=section.path)
            )
    return categories, sections


def frame_invalidation_connect() -> None:
    """Bump the frame's version on every change it may show (called once, from AppConfig)."""
    page_published.connect(frame_changed, dispatch_uid="frame-page-published")
    page_unpublished.connect(frame_changed, dispatch_uid="frame-page-unpublished")
    post_page_move.connect(frame_changed, dispatch_uid="frame-page-moved")
    post_delete.connect(frame_changed, sender=Page, dispatch_uid="frame-page-deleted")
    for model in (Site, Category):
        name = model.__name__
        post_save.connect(frame_changed, sender=model, dispatch_uid=f"frame-{name}-saved")
        post_delete.connect(frame_changed, sender=model, dispatch_uid=f"frame-{name}-deleted")
    post_save.connect(
        frame_settings_changed, sender=ShopSettings, dispatch_uid="frame-settings-saved"
    )
