"""One URL, one view, no template and no query: the floor the pages benchmark compares with."""

from django.http import HttpResponse
from django.urls import path


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok), path("healthz", ok)]
