"""What search engines read about guides: schema.org Article on a guide (headline, pictures,
dates, author) and one address per tag and page on the guide index."""

from core.seo import (
    SCHEMA,
    SQUARE_IMAGE_SPEC,
    WIDE_IMAGE_SPEC,
    PageMeta,
    canonical_url,
    first_text,
    paged_description,
    paged_title,
    plain_text,
    seo_image,
)

# Google cuts an Article's headline after 110 characters.
HEADLINE_LENGTH = 110


def guide_meta(request, page, meta: PageMeta, *, context: dict, site_name: str) -> None:
    """A guide: its summary as the description, its cover as the picture, an Article."""
    meta.og_type = "article"
    meta.description = first_text(page.search_description, page.summary) or meta.description
    meta.published = page.date
    meta.modified = page.last_published_at or page.latest_revision_created_at
    pictures = []
    if page.cover_image_id:
        alt = page.cover_image.default_alt_text
        meta.image = seo_image(request, page.cover_image, WIDE_IMAGE_SPEC, alt)
        pictures = [meta.image.url, seo_image(request, page.cover_image, SQUARE_IMAGE_SPEC).url]
    meta.structured_data.insert(0, guide_article(page, meta, pictures, site_name=site_name))


def guide_article(page, meta: PageMeta, pictures: list[str], *, site_name: str) -> dict:
    """schema.org Article: Google's article rich result reads the headline, the pictures, the
    dates and the author."""
    published = page.date.isoformat()
    modified = meta.modified.isoformat() if meta.modified else published
    article = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": plain_text(page.seo_title or page.title, HEADLINE_LENGTH),
        "description": meta.description,
        "datePublished": published,
        # An edit is never dated before the date the guide says it was published.
        "dateModified": max(modified, published),
        "author": {"@type": "Person", "name": page.author},
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if meta.canonical:
        article["mainEntityOfPage"] = meta.canonical
        article["url"] = meta.canonical
    if pictures:
        article["image"] = pictures
    return article


def guide_index_meta(request, page, meta: PageMeta, *, context: dict, site_name: str) -> None:
    """The guide index: the tag in the title and the address, the page from the second on."""
    guides = context.get("guides")
    number = guides.number if guides is not None else 1
    tag = context.get("current_tag")
    title = page.seo_title or page.title
    description = first_text(page.search_description, page.intro) or meta.description
    params = []
    if tag is not None:
        title = f"{title} · {tag.name}"
        description = f"{tag.name}: {description}"
        params.append(("tag", tag.slug))
    if number > 1:
        params.append(("page", str(number)))
    meta.title = paged_title(title, number)
    meta.description = paged_description(description, number)
    meta.canonical = canonical_url(request, request.path, params)
