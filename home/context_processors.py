"""Values every storefront template needs: the announcement strip and the languages."""

from django.conf import settings

from .models import Announcement


def storefront(request):
    """Lazily evaluated so admin and JSON views pay nothing for the storefront chrome."""
    return {
        "current_announcements": Announcement.objects.current,
        "currency_symbol": settings.SHOP_CURRENCY_SYMBOL,
        "analytics_retention_days": settings.ANALYTICS_RETENTION_DAYS,
    }
