"""Products in the sitemap, beside Wagtail's pages (F-36)."""

from django.contrib.sitemaps import Sitemap

from .models import Product


class ProductSitemap(Sitemap):
    """Every live product; split into pages of 50,000 by Django's sitemap index."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return Product.objects.live().only("slug", "last_published_at").order_by("pk")

    def location(self, product):
        return product.get_absolute_url()

    def lastmod(self, product):
        return product.last_published_at
