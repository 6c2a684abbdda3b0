"""The demo catalogue loaded by ``manage.py load_demo``: categories, product types,
300+ products with drawn pictures, stock, shipping methods and showcases."""

from .loader import CatalogueDemoLoader

__all__ = ["CatalogueDemoLoader"]
