"""What of the help center exists in each language (django-modeltranslation registrations; page
titles are registered by wagtail-modeltranslation for every page)."""

from modeltranslation.translator import TranslationOptions, register

from .models import HelpArticlePage, HelpCategoryPage, HelpCenterPage


@register(HelpCenterPage)
class HelpCenterPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(HelpCategoryPage)
class HelpCategoryPageTranslation(TranslationOptions):
    fields = ("description",)


@register(HelpArticlePage)
class HelpArticlePageTranslation(TranslationOptions):
    fields = ("summary", "body")
