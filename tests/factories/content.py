"""Non-page content: announcements."""

import factory
from django.utils import timezone

from home.models import Announcement


class AnnouncementFactory(factory.django.DjangoModelFactory):
    """An announcement current from now on unless ``starts_at``/``ends_at`` say otherwise."""

    class Meta:
        model = Announcement

    text = factory.Sequence(lambda n: f"Announcement {n}")
    level = Announcement.Level.INFO
    starts_at = factory.LazyFunction(timezone.now)
    ends_at = None


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small text document in the root collection."""

    class Meta:
        model = "wagtaildocs.Document"

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="price-list.txt", data=b"Prices as of today.\n")
