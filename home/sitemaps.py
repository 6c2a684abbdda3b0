"""The site's Wagtail pages in the sitemap (F-36), in Chinese and in English.

Wagtail's own sitemap writes each page's address from the Wagtail ``Site`` record (its
hostname and port, ``http://localhost/`` in the demo) while the other sections use the
request; here every section uses the request's scheme and host (``core/sitemaps.py``), and a
page's address in each language comes from Wagtail's router in that language.
"""

from django.db.models import Max
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Page

from core.sitemaps import BilingualSitemap


class PageSitemap(BilingualSitemap, WagtailSitemap):
    """Every live, public page of the request's site, once per language.

    ``WagtailSitemap`` gives the request (its views pass it in) and the site's pages;
    ``BilingualSitemap`` lists them per language with alternates.
    """

    def __init__(self, request=None):
        WagtailSitemap.__init__(self, request)

    def location(self, page):
        parts = page.get_url_parts(self.request)
        return parts[2] if parts else None

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def latest_lastmod_of_all(self):
        root = self.get_wagtail_site().root_page
        return (
            Page.objects.descendant_of(root, inclusive=True)
            .live()
            .public()
            .aggregate(latest=Max("last_published_at"))["latest"]
        )
