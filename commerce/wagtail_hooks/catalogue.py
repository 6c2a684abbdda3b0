"""What commerce gives the catalogue: the best-sellers ranking and the product page's buying
facts (the catalogue's hooks, see products.ranking and products.detail)."""

from wagtail import hooks

from products.detail import PRODUCT_PAGE_HOOK
from products.ranking import BEST_SELLERS_HOOK

from ..orders.best_sellers import best_sellers
from ..shipping.views import product_page_shopping

hooks.register(BEST_SELLERS_HOOK, best_sellers)
hooks.register(PRODUCT_PAGE_HOOK, product_page_shopping)
