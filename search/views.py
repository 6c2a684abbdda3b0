"""Site search over published guides, help articles and brands."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """The results page; empty or odd queries get a calm page, never an error."""
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    # Only words go to the backend: quotes and operators would be parsed by SQLite's
    # full-text syntax (a lone " is an error there). \w is Unicode, so Chinese stays.
    terms = " ".join(re.findall(r"\w+", query))
    results = Page.objects.live().public().specific().search(terms) if terms else Page.objects.none()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(request, "search/search.html", {"search_query": query, "search_results": page})
