"""The demo's Wagtail images: drawn once, then found again by title."""

from collections.abc import Callable
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Demo"


def demo_collection() -> Collection:
    """The "Demo" collection under the root; staff rights granted on the root reach it."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


class ImageLibrary:
    """Get-or-create for demo images, keyed by title within the Demo collection.

    Drawing is skipped for images that already exist, so a second run of the
    loader costs one query here instead of a hundred PNG encodings.
    """

    def __init__(self):
        self.model = get_image_model()
        self.collection = demo_collection()
        self.by_title = {
            image.title: image for image in self.model.objects.filter(collection=self.collection)
        }
        self.created = 0

    def get(self, *, title: str, filename: str, description: str, draw: Callable[[], bytes]):
        image = self.by_title.get(title)
        if image is None:
            data = draw()
            # Reading the size from the PNG header spares Wagtail decoding every picture to find
            # it.
            width, height = PILImage.open(BytesIO(data)).size
            image = self.model(
                title=title,
                description=description,
                collection=self.collection,
                file=ImageFile(BytesIO(data), name=filename),
                width=width,
                height=height,
            )
            image._set_image_file_metadata()
            image.save()
            self.by_title[title] = image
            self.created += 1
        return image
