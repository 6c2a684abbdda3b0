"""Products in the sitemap, beside Wagtail's pages (F-36), in Chinese and in English."""

from django.db.models import Max

from core.sitemaps import BilingualSitemap

from .models import Product


class ProductSitemap(BilingualSitemap):
    """Every live product in both languages; split into pages of 50,000 addresses by Django's
    sitemap index, each page reading only its own products."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Product.objects.live().only("slug", "last_published_at").order_by("pk")

    def location(self, product):
        return product.get_absolute_url()

    def lastmod(self, product):
        return product.last_published_at

    def latest_lastmod_of_all(self):
        return Product.objects.live().aggregate(latest=Max("last_published_at"))["latest"]
