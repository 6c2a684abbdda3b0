"""The home page, site-wide announcements and the shop's editable settings."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import LinkBlock

from .blocks import HomeStreamBlock


class HomePage(Page):
    """The root of the storefront; merchandisers arrange its body block by block."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("Body"))

    content_panels = Page.content_panels + [FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "products.BrandIndexPage",
        "guides.GuideIndexPage",
        "help_center.HelpCenterPage",
        "commerce.CampaignPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class AnnouncementQuerySet(models.QuerySet):
    def current(self, now=None):
        """Announcements whose window includes ``now``, newest first."""
        now = now or timezone.now()
        return (
            self.filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now))
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .order_by("-starts_at", "-pk")
        )


class Announcement(index.Indexed, models.Model):
    """A site notice shown as a strip above every page while it is current."""

    class Level(models.TextChoices):
        INFO = "info", _("Information")
        PROMOTION = "promotion", _("Promotion")
        WARNING = "warning", _("Important")

    text = models.CharField(_("text"), max_length=200)
    link_url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Optional address, e.g. /help/ or https://…"),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.INFO)
    starts_at = models.DateTimeField(_("show from"), default=timezone.now)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)

    objects = AnnouncementQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        FieldPanel("link_url"),
        FieldPanel("level"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Schedule")),
    ]
    search_fields = [index.SearchField("text"), index.AutocompleteField("text")]

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="announcement_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})


class FooterLinkBlock(blocks.StructBlock):
    """A titled column of links in the footer."""

    heading = blocks.CharBlock(max_length=60, label=_("Column heading"))
    links = blocks.ListBlock(
        blocks.StructBlock(
            [("label", blocks.CharBlock(max_length=60, label=_("Label"))), ("link", LinkBlock())]
        ),
        label=_("Links"),
    )

    class Meta:
        icon = "list-ul"
        label = _("Link column")


@register_setting(icon="cog")
class ShopSettings(BaseSiteSetting):
    """Shop information editors change without a developer: payment, shipping, contacts, footer."""

    payment_methods_info = RichTextField(
        _("payment methods"),
        blank=True,
        help_text=_("Which ways to pay exist, how to use them and what to watch out for."),
    )
    shipping_info = RichTextField(
        _("shipping and delivery"),
        blank=True,
        help_text=_("Shipping methods, delivery times and notes shown on product pages."),
    )
    # The account bank-transfer orders are paid into, shown on the order page and in the order
    # e-mail; the reference to write is always the order number.
    bank_account_name = models.CharField(
        _("account name"),
        max_length=100,
        blank=True,
        help_text=_("The account holder, exactly as the bank knows it (usually the company)."),
    )
    bank_name = models.CharField(
        _("bank"), max_length=100, blank=True, help_text=_("The bank and branch.")
    )
    bank_account_number = models.CharField(
        _("account number"),
        max_length=40,
        blank=True,
        help_text=_("Shown only when this and the account name are filled in."),
    )
    service_phone = models.CharField(_("customer-service phone"), max_length=40, blank=True)
    service_email = models.EmailField(_("customer-service e-mail"), blank=True)
    service_hours = models.CharField(_("customer-service hours"), max_length=120, blank=True)
    footer_links = StreamField(
        [("column", FooterLinkBlock())], blank=True, verbose_name=_("footer links")
    )
    footer_note = models.CharField(
        _("footer note"),
        max_length=250,
        blank=True,
        help_text=_("E.g. the company name and licence number."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("payment_methods_info"), FieldPanel("shipping_info")],
            heading=_("Payment and shipping"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("bank_account_name"),
                FieldPanel("bank_name"),
                FieldPanel("bank_account_number"),
            ],
            heading=_("Bank account for bank transfers"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("service_phone"),
                FieldPanel("service_email"),
                FieldPanel("service_hours"),
            ],
            heading=_("Customer service"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_links"), FieldPanel("footer_note")], heading=_("Footer")
        ),
    ]

    class Meta:
        verbose_name = _("shop settings")

    @property
    def bank_account(self) -> dict | None:
        """The bank-transfer account (name, bank, number), or None until it is filled in."""
        if not (self.bank_account_name and self.bank_account_number):
            return None
        return {
            "name": self.bank_account_name,
            "bank": self.bank_name,
            "number": self.bank_account_number,
        }


class PageSubmission(models.Model):
    """One "new page" form as served to an editor, claimed by the first time it is sent.

    A double click on Publish (or a click while autosave is creating the draft) sends
    the same form twice; without this the second sending made a second page or failed
    with "slug already in use". The form carries a random token (templates/wagtailadmin/
    pages/create.html); the first sending claims it through the unique constraint, a
    repeat is sent on to the page the first one created (home.submissions).
    """

    wagtail_reference_index_ignore = True  # bookkeeping rows, never content

    token = models.CharField(_("token"), max_length=32, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    finished = models.BooleanField(_("finished"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page form submission")
        verbose_name_plural = _("page form submissions")

    def __str__(self) -> str:
        return self.token
