"""Wagtail images backed by small PNG files drawn in memory (no files on disk to ship)."""

from io import BytesIO

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def png_file(name: str = "picture.png", size=(64, 48), colour="#336699") -> ImageFile:
    """A tiny PNG in memory, small enough to keep rendition tests fast."""
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    """An image in the root collection; ``uploaded_by_user`` sets its owner."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyAttribute(lambda image: png_file(f"image-{image.title.split()[-1]}.png"))
    uploaded_by_user = None
