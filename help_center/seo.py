"""What search engines read about help articles: schema.org FAQPage made from the article's
FAQ items (question and answer blocks), so the questions can show in search results."""

from core.seo import SCHEMA, PageMeta, first_text, plain_text

# An answer in structured data keeps its words, not its markup; Google shows a short extract.
ANSWER_LENGTH = 2000


def help_article_meta(request, page, meta: PageMeta, *, context: dict, site_name: str) -> None:
    """A help article: its summary as the description; an FAQPage when it has FAQ items."""
    meta.description = first_text(page.search_description, page.summary) or meta.description
    meta.modified = page.last_published_at
    faq = faq_page(page)
    if faq is not None:
        meta.structured_data.insert(0, faq)


def faq_page(page) -> dict | None:
    """schema.org FAQPage with one Question per FAQ block, in the article's order; None when
    the article has none."""
    questions = [
        {
            "@type": "Question",
            "name": plain_text(block.value["question"], 200),
            "acceptedAnswer": {
                "@type": "Answer",
                "text": plain_text(block.value["answer"].source, ANSWER_LENGTH),
            },
        }
        for block in page.body
        if block.block_type == "faq"
    ]
    if not questions:
        return None
    return {"@context": SCHEMA, "@type": "FAQPage", "mainEntity": questions}
