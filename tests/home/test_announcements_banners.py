"""Announcements and home-page banners show only inside their start/end window."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from home.blocks import banner_is_current
from home.models import Announcement
from tests.factories import AnnouncementFactory, GuidePageFactory, ImageFactory

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def window(starts_delta, ends_delta, now=None):
    """A start/end pair relative to ``now`` (``None`` leaves that side open)."""
    now = now or timezone.now()
    return {
        "starts_at": None if starts_delta is None else now + starts_delta,
        "ends_at": None if ends_delta is None else now + ends_delta,
    }


# Announcement.objects.current -----------------------------------------------------


@pytest.mark.django_db
def test_current_returns_only_announcements_whose_window_includes_now():
    AnnouncementFactory(text="past", **window(-2 * DAY, -DAY, NOW))
    AnnouncementFactory(text="open-ended", **window(-DAY, None, NOW))
    AnnouncementFactory(text="current", **window(-HOUR, HOUR, NOW))
    AnnouncementFactory(text="future", **window(DAY, 2 * DAY, NOW))
    AnnouncementFactory(text="future open-ended", **window(DAY, None, NOW))

    current = Announcement.objects.current(NOW)

    assert [a.text for a in current] == ["current", "open-ended"]


@pytest.mark.django_db
def test_current_lists_the_newest_start_first():
    AnnouncementFactory(text="oldest", **window(-3 * DAY, None, NOW))
    AnnouncementFactory(text="newest", **window(-HOUR, None, NOW))
    AnnouncementFactory(text="middle", **window(-DAY, None, NOW))

    assert [a.text for a in Announcement.objects.current(NOW)] == ["newest", "middle", "oldest"]


@pytest.mark.django_db
def test_current_includes_the_start_instant_and_excludes_the_end_instant():
    AnnouncementFactory(text="starts now", starts_at=NOW, ends_at=NOW + DAY)
    AnnouncementFactory(text="ends now", starts_at=NOW - DAY, ends_at=NOW)

    assert [a.text for a in Announcement.objects.current(NOW)] == ["starts now"]


@pytest.mark.django_db
def test_current_defaults_to_the_present_moment():
    AnnouncementFactory(text="running", **window(-HOUR, HOUR))
    AnnouncementFactory(text="over", **window(-2 * HOUR, -HOUR))

    assert [a.text for a in Announcement.objects.current()] == ["running"]


# Validation -----------------------------------------------------------------------


@pytest.mark.parametrize("ends_delta", [timedelta(0), -HOUR])
def test_clean_rejects_an_end_not_after_the_start(ends_delta):
    announcement = Announcement(text="Sale", starts_at=NOW, ends_at=NOW + ends_delta)

    with translation.override("en"):
        with pytest.raises(ValidationError) as excinfo:
            announcement.clean()
        messages = {
            field: [str(m) for m in errors] for field, errors in excinfo.value.message_dict.items()
        }

    assert messages == {"ends_at": ["The end must be after the start."]}


def test_clean_accepts_an_end_after_the_start_and_an_open_end():
    Announcement(text="Sale", starts_at=NOW, ends_at=NOW + HOUR).clean()
    Announcement(text="Sale", starts_at=NOW, ends_at=None).clean()


@pytest.mark.django_db
def test_the_database_refuses_an_end_before_the_start_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        Announcement.objects.create(text="Broken", starts_at=NOW, ends_at=NOW - HOUR)


@pytest.mark.django_db
def test_the_admin_form_shows_the_error_instead_of_saving(client, staff_user):
    client.force_login(staff_user("Editors"))

    response = client.post(
        reverse("wagtailsnippets_home_announcement:add"),
        {
            "text": "Backwards",
            "link_url": "",
            "level": "info",
            "starts_at": "2025-06-02 10:00",
            "ends_at": "2025-06-01 10:00",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["The end must be after the start."]
    assert not Announcement.objects.exists()


# The strip on storefront pages -----------------------------------------------------


@pytest.mark.django_db
def test_the_strip_shows_only_current_announcements(client, site_tree):
    AnnouncementFactory(text="Expired notice", **window(-2 * DAY, -DAY))
    AnnouncementFactory(text="Free shipping this week", **window(-HOUR, DAY))
    AnnouncementFactory(text="Next month's sale", **window(DAY, 2 * DAY))
    guide = GuidePageFactory()

    for url in ("/", guide.url):
        content = client.get(url).content.decode()
        assert "Free shipping this week" in content, url
        assert "Expired notice" not in content, url
        assert "Next month&#x27;s sale" not in content and "Next month's sale" not in content, url


@pytest.mark.django_db
def test_no_strip_is_rendered_without_current_announcements(client, site_tree):
    AnnouncementFactory(text="Expired notice", **window(-2 * DAY, -DAY))

    content = client.get("/").content.decode()

    assert 'class="announcements"' not in content


# Banners ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts_delta", "ends_delta", "expected"),
    [
        (None, None, True),  # no schedule: always shown
        (-DAY, None, True),  # started, open end
        (DAY, None, False),  # not yet started
        (None, DAY, True),  # open start, ends later
        (None, -DAY, False),  # open start, already ended
        (-DAY, DAY, True),  # inside the window
        (-2 * DAY, -DAY, False),  # window in the past
        (DAY, 2 * DAY, False),  # window in the future
        (timedelta(0), DAY, True),  # starts exactly now
        (-DAY, timedelta(0), False),  # ends exactly now
    ],
)
def test_banner_is_current(starts_delta, ends_delta, expected):
    banner = window(starts_delta, ends_delta, NOW)

    assert banner_is_current(banner, NOW) is expected


def test_banner_is_current_defaults_to_the_present_moment():
    assert banner_is_current(window(-HOUR, HOUR)) is True
    assert banner_is_current(window(HOUR, 2 * HOUR)) is False


def banner(heading: str, image, starts_delta, ends_delta) -> dict:
    schedule = window(starts_delta, ends_delta)
    return {
        "image": image.pk,
        "alt_text": f"{heading} picture",
        "heading": heading,
        "link": {"page": None, "url": "/guides/"},
        "starts_at": schedule["starts_at"] and schedule["starts_at"].isoformat(),
        "ends_at": schedule["ends_at"] and schedule["ends_at"].isoformat(),
    }


@pytest.mark.django_db
def test_home_carousel_shows_only_the_current_banner(client, site_tree):
    image = ImageFactory()
    site_tree.home.body = [
        {
            "type": "banner_carousel",
            "value": {
                "banners": [
                    banner("Last week's offer", image, -2 * DAY, -DAY),
                    banner("Summer sale", image, -HOUR, DAY),
                    banner("Autumn preview", image, DAY, 2 * DAY),
                ]
            },
        }
    ]
    site_tree.home.save()

    response = client.get("/")

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("data-carousel-slide") == 1
    assert "Summer sale" in content
    assert "Last week" not in content
    assert "Autumn preview" not in content
