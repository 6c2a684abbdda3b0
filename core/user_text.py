"""What shoppers write (reviews, questions, comments, messages to a friend): plain text only.

Every such field passes ``user_text_clean`` before it is stored: a NUL byte or another
control character (anything in Unicode's "C" categories but newline, tab and the
zero-width joiners of emoji) is refused
with a message rather than stored or turned into a 500, surrounding space is trimmed and
the length is checked against the field's limit. The text is then stored as written and
escaped wherever it is shown (Django's autoescape in pages, admin lists and e-mails);
nothing here turns it into HTML.
"""

import unicodedata

from django.utils.translation import gettext as _

from .errors import CommerceError

# Newline and tab, and the zero-width joiners emoji sequences are made of (👨‍👩‍👧).
ALLOWED_CONTROLS = {"\n", "\t", "\u200c", "\u200d"}
HONEYPOT_FIELD = "website"


class TextRefused(CommerceError):
    code = "text_refused"


def user_text_clean(
    value: str | None, *, label: str, max_length: int, min_length: int = 1, required: bool = True
) -> str:
    """``value`` trimmed and checked: TextRefused (with a message naming ``label``) for control
    characters, empty text when ``required``, or text shorter or longer than the limits."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    for character in text:
        if character not in ALLOWED_CONTROLS and unicodedata.category(character)[0] == "C":
            raise TextRefused(
                _("%(label)s contains characters that cannot be shown; please remove them.")
                % {"label": label}
            )
    if not text:
        if required:
            raise TextRefused(_("Please fill in %(label)s.") % {"label": label})
        return ""
    if len(text) < min_length:
        raise TextRefused(
            _("%(label)s needs at least %(count)d characters.")
            % {"label": label, "count": min_length}
        )
    if len(text) > max_length:
        raise TextRefused(
            _("%(label)s may be at most %(count)d characters (you wrote %(written)d).")
            % {"label": label, "count": max_length, "written": len(text)}
        )
    return text


def honeypot_filled(data) -> bool:
    """True when the hidden ``website`` field, which people never see, was filled (a bot)."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


def words_found(text: str, words) -> list[str]:
    """The entries of ``words`` that occur in ``text`` (case-insensitive), in their order."""
    folded = text.casefold()
    return [word for word in words if word and word.casefold() in folded]
