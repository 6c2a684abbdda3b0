"""The names of the shop's staff roles (groups), workflow and workflow task, in the reader's
language.

They are data (rows the migrations create, and what code and migrations look them up by),
so they stay in English in the database; the admin shows them through ``staff_name``
wherever the shop draws them: the users list, the role boxes of a user's form, the
"Submit to …" button of pages and snippets.
"""

from django.utils.translation import gettext, gettext_noop

STAFF_NAMES = frozenset(
    {
        gettext_noop("Editors"),
        gettext_noop("Merchandisers"),
        gettext_noop("Designers"),
        gettext_noop("Customer service"),
        gettext_noop("Finance"),
        gettext_noop("Logistics"),
        gettext_noop("Managers"),
        gettext_noop("Analysts"),
        gettext_noop("Editorial review"),
        gettext_noop("Manager approval"),
    }
)


def staff_name(name: str) -> str:
    """``name`` translated when it is one of the shop's own; a name staff typed stays as is."""
    return gettext(name) if name in STAFF_NAMES else name
