"""Factories for the objects tests build: users, images, pages and announcements.

Tests build exactly the data they need with these instead of relying on the demo
content, so a change to the demo never breaks an unrelated test.
"""

from .content import AnnouncementFactory, DocumentFactory
from .forms import brand_form_data, guide_form_data, help_article_form_data, home_form_data
from .images import ImageFactory, png_file
from .pages import (
    BrandPageFactory,
    GuidePageFactory,
    HelpArticlePageFactory,
    HelpCategoryPageFactory,
    PageFactory,
)
from .users import UserFactory

__all__ = [
    "AnnouncementFactory",
    "BrandPageFactory",
    "DocumentFactory",
    "GuidePageFactory",
    "HelpArticlePageFactory",
    "HelpCategoryPageFactory",
    "ImageFactory",
    "PageFactory",
    "UserFactory",
    "brand_form_data",
    "guide_form_data",
    "help_article_form_data",
    "home_form_data",
    "png_file",
]
