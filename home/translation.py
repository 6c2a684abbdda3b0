"""What of the home page, announcements and shop settings exists in each language
(django-modeltranslation registrations). The home page body is translated as a whole, banners'
headings and alternative texts included; contact details and the bank account stay single."""

from modeltranslation.translator import TranslationOptions, register

from .models import Announcement, HomePage, ShopSettings


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("body",)


@register(Announcement)
class AnnouncementTranslation(TranslationOptions):
    fields = ("text",)


@register(ShopSettings)
class ShopSettingsTranslation(TranslationOptions):
    fields = (
        "payment_methods_info",
        "shipping_info",
        "service_hours",
        "footer_links",
        "footer_note",
    )
