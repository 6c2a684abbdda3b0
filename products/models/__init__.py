"""Catalogue models: brands (pages), categories, product types and products."""

from .brands import BrandIndexPage, BrandNewsItem, BrandPage
from .catalogue import (
    AttributeDefinition,
    Category,
    EditorPick,
    Product,
    ProductAttributeValue,
    ProductImage,
    ProductStats,
    ProductTag,
    ProductType,
    ProductVariant,
    Stock,
)

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
