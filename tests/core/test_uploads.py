"""Shoppers' photos: only real JPEG/PNG/WebP pictures, re-encoded without EXIF."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import (
    USER_UPLOADS_COLLECTION,
    UploadRefused,
    image_upload_clean,
    user_photo_save,
)


def picture(fmt: str = "JPEG", size=(64, 48), exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt, **options)
    return out.getvalue()


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (31.0, 14.0, 0.0)}  # GPSInfo: latitude
    return exif.tobytes()


def upload(data: bytes, name: str = "photo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.mark.parametrize(("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_real_pictures_are_kept_in_their_format(fmt, extension):
    data, kept = image_upload_clean(upload(picture(fmt)))

    assert kept == extension
    assert Image.open(io.BytesIO(data)).format == fmt


def test_exif_and_gps_are_stripped():
    original = picture("JPEG", exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif()  # the test picture does carry EXIF

    data, _ = image_upload_clean(upload(original, "photo.jpg", "image/jpeg"))

    cleaned = Image.open(io.BytesIO(data))
    assert dict(cleaned.getexif()) == {}
    assert "exif" not in cleaned.info


@pytest.mark.parametrize(
    "disguised",
    [
        b"<html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
        b"GIF89a" + b"\x00" * 40,
        b"",
        picture("JPEG")[:40],  # a truncated file
    ],
)
def test_anything_that_is_not_a_whole_jpeg_png_or_webp_is_refused(disguised):
    with pytest.raises(UploadRefused) as refused:
        image_upload_clean(upload(disguised, "photo.png"))

    assert refused.value.code == "upload_refused"


def test_other_image_formats_are_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")

    with pytest.raises(UploadRefused):
        image_upload_clean(upload(out.getvalue(), "photo.gif"))


def test_too_many_pixels_or_bytes_are_refused(settings):
    with pytest.raises(UploadRefused, match="too many pixels"):
        image_upload_clean(upload(picture("PNG", size=(9000, 5000))))
    with pytest.raises(UploadRefused, match="8 MB"):
        image_upload_clean(upload(b"\x89PNG" + b"\x00" * (8 * 1024 * 1024 + 1)))


@pytest.mark.django_db
def test_saved_photos_are_wagtail_images_in_the_user_uploads_collection():
    image = user_photo_save(upload=upload(picture("PNG")), title="My photo")

    assert image.collection.name == USER_UPLOADS_COLLECTION
    assert (image.width, image.height) == (64, 48)
    assert image.file.name.endswith(".png")
    second = user_photo_save(upload=upload(picture("JPEG")), title="Another")
    assert second.collection_id == image.collection_id
