"""What of the campaign landing pages exists in each language (django-modeltranslation
registrations; every page type is registered, as wagtail-modeltranslation patches them all, and
the title, SEO title and search description come from its registration of Page)."""

from modeltranslation.translator import TranslationOptions, register

from .promotions.pages import CampaignPage


@register(CampaignPage)
class CampaignPageTranslation(TranslationOptions):
    fields = ("intro", "body")
