"""What of the guides exists in each language (django-modeltranslation registrations; the page
title, SEO title and search description are registered by wagtail-modeltranslation for every
page)."""

from modeltranslation.translator import TranslationOptions, register

from .models import GuideIndexPage, GuidePage


@register(GuideIndexPage)
class GuideIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(GuidePage)
class GuidePageTranslation(TranslationOptions):
    fields = ("summary", "body")
