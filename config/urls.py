"""The shop's addresses.

Chinese storefront pages sit at the root and English ones under ``/en/``
(``i18n_patterns(prefix_default_language=False)``; ``core/languages.py``), Wagtail's pages
included: one page tree, served in the language of the address. The admin, documents, the
language switch, the sitemaps, robots.txt, the health check and files stay unprefixed; they
come first, so nothing under a language prefix can shadow them.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import PageSitemap
from products.sitemaps import ProductSitemap

SITEMAPS = {"pages": PageSitemap, "products": ProductSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", home_views.set_language, name="set_language"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", home_views.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_MEDIA:
    # Django's static() helper serves nothing with DEBUG off, hence the explicit pattern.
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("jsi18n/", cache_page(60 * 60)(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("search/", include("search.urls")),
    path("products/", include("products.urls")),
    path("account/", include("accounts.urls")),
    path("", include("commerce.urls")),
    path("", include("analytics.recommendations.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
