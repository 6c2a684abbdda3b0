"""Catalogue models: brands (pages), categories, product types and products."""

from .brands import BrandIndexPage, BrandNewsItem, BrandPage
from .catalogue import Product, ProductAttributeValue, ProductImage, ProductTag, ProductVariant
from .showcase import EditorPick, ProductStats
from .stock import Stock
from .taxonomy import AttributeDefinition, Category, ProductType

__all__ = [
    "AttributeDefinition",
    "EditorPick",
    "BrandIndexPage",
    "BrandNewsItem",
    "BrandPage",
    "Category",
    "Product",
    "ProductAttributeValue",
    "ProductImage",
    "ProductStats",
    "ProductTag",
    "ProductType",
    "ProductVariant",
    "Stock",
]
