"""Photos shoppers upload (reviews, after-sales requests): decoded, checked, re-encoded.

An upload is trusted for nothing: not its name, not its extension, not its declared
type. The bytes are decoded by Pillow; only JPEG, PNG and WebP are kept, within a size
and pixel limit (Pillow's decompression-bomb guard included), and the picture is
re-encoded from its pixels alone, so EXIF (camera, GPS position, time) and anything
smuggled after the image data are gone. An HTML or SVG file renamed ``.png`` does not
decode and is refused. The result is stored as a Wagtail image in the "User uploads"
collection, and pages show it only through renditions.
"""

import io
import warnings

from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

from .errors import CommerceError

USER_UPLOADS_COLLECTION = "User uploads"
MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000; larger is refused before it is decoded
MAX_PHOTOS = 6
# Pillow's format name → what the re-encoded file is saved as, and its extension.
_KEPT_FORMATS = {"JPEG": ("JPEG", "jpg"), "PNG": ("PNG", "png"), "WEBP": ("WEBP", "webp")}


class UploadRefused(CommerceError):
    code = "upload_refused"


def image_upload_clean(upload) -> tuple[bytes, str]:
    """The upload re-encoded from its pixels: ``(bytes, extension)``; UploadRefused with a
    message for anything that is not a JPEG, PNG or WebP picture within the limits."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise UploadRefused(_("A photo may be at most 8 MB."))
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise UploadRefused(_("A photo may be at most 8 MB."))
    picture = _decoded(raw)
    kept_format, extension = _KEPT_FORMATS[picture.format]
    # Pixels only: a fresh image carries no EXIF, ICC or text chunks of the original.
    picture = ImageOps.exif_transpose(picture)
    mode = "RGBA" if picture.mode in ("RGBA", "LA", "P") and kept_format != "JPEG" else "RGB"
    clean = PillowImage.new(mode, picture.size)
    clean.paste(picture.convert(mode))
    out = io.BytesIO()
    options = {"quality": 88} if kept_format in ("JPEG", "WEBP") else {"optimize": True}
    clean.save(out, format=kept_format, **options)
    return out.getvalue(), extension


def _decoded(raw: bytes) -> PillowImage.Image:
    refused = UploadRefused(_("Please choose a photo in JPEG, PNG or WebP format."))
    with warnings.catch_warnings():
        warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
        try:
            probe = PillowImage.open(io.BytesIO(raw))
            if probe.format not in _KEPT_FORMATS:
                raise refused
            if probe.width * probe.height > MAX_PIXELS:
                raise UploadRefused(
                    _("That photo has too many pixels; please send a smaller one.")
                )
            probe.verify()  # the whole file, not just its header
            picture = PillowImage.open(io.BytesIO(raw))
            picture.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise refused from None
        except (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning):
            raise UploadRefused(
                _("That photo has too many pixels; please send a smaller one.")
            ) from None
    return picture


def user_uploads_collection() -> Collection:
    """The collection shoppers' photos go to (created under the root on first use)."""
    existing = Collection.objects.filter(name=USER_UPLOADS_COLLECTION).first()
    if existing is not None:
        return existing
    return Collection.get_first_root_node().add_child(name=USER_UPLOADS_COLLECTION)


def user_photo_save(*, upload, title: str, uploaded_by=None):
    """Clean ``upload`` (see ``image_upload_clean``) and store it as a Wagtail image in the
    user-uploads collection; returns the image."""
    data, extension = image_upload_clean(upload)
    image = get_image_model()(
        title=title[:255],
        file=ImageFile(io.BytesIO(data), name=f"upload.{extension}"),
        collection=user_uploads_collection(),
        uploaded_by_user=uploaded_by,
    )
    image.save()
    return image
