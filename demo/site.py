"""The non-page parts of the demo: announcements, shop settings and accounts.

Each function returns a one-line summary for the command's progress output.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from home.models import Announcement, ShopSettings

from .bilingual import chinese, english, fields
from .content import english as english_texts
from .content import shop

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin"
ADMIN_EMAIL = "admin@example.com"


def fill_announcements(announcements, *, day: Callable) -> str:
    """Create the announcements not there yet (matched by text); ``day`` turns day offsets into
    datetimes."""
    created = 0
    for text, level, link, starts_in_days, ends_in_days in announcements:
        if Announcement.objects.filter(text_zh_hans=text).exists():
            continue
        Announcement.objects.create(
            **fields("text", text, english_texts.ANNOUNCEMENTS.get(text)),
            level=level,
            link_url=link,
            starts_at=day(starts_in_days),
            ends_at=day(ends_in_days),
        )
        created += 1
    return f"Announcements: {created} created, {len(announcements) - created} already there"


def fill_settings(site, *, link: Callable[[str], dict]) -> str:
    """Fill the shop settings of ``site`` unless someone has already filled them in.

    ``link`` turns a target such as "help:payment" into a LinkBlock value.
    """
    settings = ShopSettings.for_site(site)
    if not settings.bank_account_number:  # added later than the rest: filled in on its own
        settings.bank_account_name, settings.bank_name, settings.bank_account_number = (
            shop.BANK_ACCOUNT
        )
        settings.save(update_fields=["bank_account_name", "bank_name", "bank_account_number"])
    if settings.service_phone or settings.payment_methods_info_zh_hans or settings.footer_links:
        return "Shop settings: already filled in"
    texts = {
        "payment_methods_info": (shop.PAYMENT_METHODS_INFO, english_texts.PAYMENT_METHODS_INFO),
        "shipping_info": (shop.SHIPPING_INFO, english_texts.SHIPPING_INFO),
        "service_hours": (shop.SERVICE_HOURS, english_texts.SERVICE_HOURS),
        "footer_note": (shop.FOOTER_NOTE, english_texts.FOOTER_NOTE),
        "footer_links": (footer_columns(link, chinese), footer_columns(link, english)),
    }
    for field, (text_cn, text_en) in texts.items():
        for name, value in fields(field, text_cn, text_en).items():
            setattr(settings, name, value)
    settings.service_phone = shop.SERVICE_PHONE
    settings.service_email = shop.SERVICE_EMAIL
    settings.save()
    return "Shop settings: filled in"


def footer_columns(link: Callable[[str], dict], part: Callable[[str], str]) -> list:
    """The footer's link columns in one language: ``part`` takes the Chinese or the English of
    "中文 English" headings; labels written in Chinese only find their English in
    ``english.FOOTER_LABELS``."""
    in_english = part is english
    return [
        (
            "column",
            {
                "heading": part(heading),
                "links": [
                    {
                        "label": english_texts.FOOTER_LABELS.get(label, english(label))
                        if in_english
                        else chinese(label),
                        "link": link(target),
                    }
                    for label, target in links
                ],
            },
        )
        for heading, links in shop.FOOTER_COLUMNS
    ]


def fill_users() -> str:
    """The admin superuser and one demo account per staff role; existing accounts are left
    alone."""
    User = get_user_model()
    created = 0
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(
            ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_PASSWORD, first_name="Admin", last_name="Shop"
        )
        created += 1
    groups = {
        group.name: group
        for group in Group.objects.filter(name__in=[u.group for u in shop.STAFF_USERS])
    }
    # One hash for all demo accounts: the password is printed for everyone to read anyway,
    # and each hash costs about half a second.
    password_hash = None
    for staff in shop.STAFF_USERS:
        if User.objects.filter(username=staff.username).exists():
            continue
        password_hash = password_hash or make_password(shop.STAFF_PASSWORD)
        user = User.objects.create(
            username=staff.username,
            email=f"{staff.username}@example.com",
            password=password_hash,
            first_name=staff.first_name,
            last_name=staff.last_name,
        )
        user.groups.add(groups[staff.group])
        created += 1
    return f"Users: {created} created, {1 + len(shop.STAFF_USERS) - created} already there"


def login_lines(base_url: str) -> list[str]:
    """What the command prints at the end: where to sign in and with which accounts."""
    admin_url = f"{base_url.rstrip('/')}/admin/"
    lines = [
        f"Shop:  {base_url.rstrip('/')}/",
        f"Admin: {admin_url}  user {ADMIN_USERNAME}  password {ADMIN_PASSWORD}",
        f"Demo staff logins (password {shop.STAFF_PASSWORD}), one per role:",
    ]
    lines += [f"  {staff.username:<13} {staff.group}" for staff in shop.STAFF_USERS]
    lines.append(
        f"Demo shopper: {base_url.rstrip('/')}/account/login/  user shopper (or "
        f"shopper@example.com, "
        f"13800138000)  password {shop.STAFF_PASSWORD}"
    )
    return lines
