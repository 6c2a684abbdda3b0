"""Registration only: what guides add to other pages."""

from wagtail import hooks

from products.detail import PRODUCT_PAGE_HOOK

from .selectors import product_page_guides

hooks.register(PRODUCT_PAGE_HOOK, product_page_guides)
