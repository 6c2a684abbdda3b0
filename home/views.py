"""Small site-wide endpoints: health check, robots.txt, the language switch and the error
pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.languages import language_codes, localized_path


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise; for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", never a 500
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    """Keep crawlers out of the admin and private areas; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /cart/",
        "Disallow: /checkout/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_POST
def set_language(request):
    """The language switch: remember the chosen language in its cookie and open the page the
    shopper was on (``next``) at its address in that language (``/en/…`` for English).

    Unlike Django's ``set_language`` the address is rewritten by its prefix alone, so it
    never depends on which language the switch's own request was read in. An unknown
    language changes nothing; a ``next`` off this site leads to the home page.
    """
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    parts = urlsplit(next_url)
    next_path = parts.path or "/"
    if parts.query:
        next_path = f"{next_path}?{parts.query}"
    language = request.POST.get("language")
    if language not in language_codes():
        return HttpResponseRedirect(next_path)
    response = HttpResponseRedirect(localized_path(next_path, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context so a broken context processor cannot
    # turn an error page into another error.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
