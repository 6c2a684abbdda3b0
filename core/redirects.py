"""Where a form may send the visitor next: a path on this site, or nowhere.

``redirect(next)`` with a ``next`` such as ``"²"`` or ``"home"`` asks Django to
reverse it as a URL name and fails with NoReverseMatch (a 500); one with
``"//evil.example"`` or ``"https://evil.example"`` leaves the site. Only an
absolute path of this site is ever handed to ``redirect``.
"""

from django.utils.http import url_has_allowed_host_and_scheme

# Longer than any address of the shop; a 10 kB "next" is not one.
MAX_NEXT_LENGTH = 2000


def safe_next_path(request, candidate) -> str:
    """``candidate`` when it is a path on this site ("/cart/?x=1"), otherwise ""."""
    if not isinstance(candidate, str) or not candidate.startswith("/"):
        return ""
    if len(candidate) > MAX_NEXT_LENGTH or candidate.startswith(("//", "/\\")):
        return ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""
