"""core.middleware.HostileInputMiddleware: control characters get a 400 page, not a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import HostileInputMiddleware
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
# One of each: C0 controls, the ones text areas send (refused in addresses), DEL, C1.
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x1f", "\t", "\n", "\r", "\x7f", "\x85"]


def refused(response) -> bool:
    return response.status_code == 400 and "We could not accept that request" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=ab%00cd",
        "/products/?category=%00",
        "/products/ab%00cd/",
        "/cart/lines/%00/",
        "/account/orders/%00/",
        "/products/?%00=1",
        "/en/%00",
        "/admin/snippets/products/product/?q=%00",
    ],
)
def test_nul_in_the_address_is_refused_with_a_page(client, url):
    response = client.get(url, **ENGLISH)

    assert refused(response)
    assert "The address contains a character that cannot be used" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("character", CONTROLS)
def test_every_control_character_in_a_query_is_refused(client, character):
    assert refused(client.get("/search/", {"q": f"tea{character}"}, **ENGLISH))


def test_a_signed_in_shopper_gets_the_same_answer(client):
    client.force_login(UserFactory())

    assert refused(client.get("/account/orders/%00/", **ENGLISH))


@pytest.mark.parametrize(
    ("url", "field"),
    [("/cart/add/", "sku"), ("/checkout/place/", "checkout_key"), ("/account/login/", "username")],
)
def test_nul_in_a_form_field_is_refused(client, url, field):
    response = client.post(url, {field: "ab\x00cd", "quantity": "1"}, **ENGLISH)

    assert refused(response)
    assert "A field of the form contains a character" in response.content.decode()


def test_nul_in_a_urlencoded_form_and_in_a_field_name_is_refused(client):
    urlencoded = "application/x-www-form-urlencoded"

    assert refused(client.post("/cart/add/", "sku=%00", content_type=urlencoded, **ENGLISH))
    assert refused(client.post("/cart/add/", "%00=1", content_type=urlencoded, **ENGLISH))


def test_tab_and_line_breaks_in_a_form_are_accepted(client):
    response = client.post(
        "/account/login/", {"username": "a\tb\r\nc", "password": "x"}, **ENGLISH
    )

    assert response.status_code == 200  # the form's own "wrong password" answer


def test_an_uploaded_file_name_with_nul_is_no_error(client):
    # Django itself drops unprintable characters from upload names.
    upload = SimpleUploadedFile("photo\x00.png", b"data")

    assert client.post("/cart/add/", {"file": upload}, **ENGLISH).status_code < 500


@pytest.mark.parametrize(
    "body",
    [
        '{"q": "\\ud800"}',
        '["\\udfff"]',
        '{"sku": "\\u0000"}',
        '{"\\u0000": 1}',
        '{"a": ["\\u001b"]}',
    ],
)
def test_json_with_nul_controls_or_lone_surrogates_is_refused(client, body):
    response = client.post("/cart/add/", body, content_type="application/json", **ENGLISH)

    assert refused(response)
    assert "The data sent contains characters" in response.content.decode()


@pytest.mark.parametrize("body", ['{"q": "茶\\n😀"}', "not json", "[" * 5000 + "]" * 5000])
def test_other_json_bodies_are_left_to_the_view(client, body):
    response = client.post("/cart/add/", body, content_type="application/json", **ENGLISH)

    assert response.status_code != 400 or not refused(response)


def test_a_cookie_unquoting_to_nul_is_refused(client):
    # Django unquotes cookie values the way Python's http.cookies does: "\000" is NUL.
    cookie = 'sessionid="\\000abcdefgh"'

    assert refused(client.get("/", HTTP_COOKIE=cookie, **ENGLISH))


def test_a_header_with_a_control_character_is_refused(client):
    assert refused(client.get("/", HTTP_USER_AGENT="curl\x00", **ENGLISH))


def test_utf8_sent_raw_in_a_header_is_accepted(client):
    # WSGI hands header bytes over as Latin-1: raw UTF-8 shows up as C1 characters.
    user_agent = "浏览器".encode().decode("latin-1")

    assert client.get("/healthz", HTTP_USER_AGENT=user_agent).status_code == 200


def test_the_page_speaks_the_visitors_language(client):
    chinese = client.get("/search/?q=%00")
    english = client.get("/search/?q=%00", **ENGLISH)

    assert chinese.status_code == english.status_code == 400
    assert '<html lang="zh-hans">' in chinese.content.decode()
    assert "我们无法接受这个请求" in chinese.content.decode()
    assert '<html lang="en">' in english.content.decode()


def test_the_refusal_reads_neither_session_nor_database(client, django_assert_num_queries):
    client.force_login(UserFactory())

    with django_assert_num_queries(0):
        assert refused(client.get("/account/orders/%00/", **ENGLISH))


def test_a_view_can_still_read_the_raw_body_of_a_small_multipart_post():
    request = RequestFactory().post("/payments/notify/demo/", {"sign": "abc", "amount": "1.00"})
    seen = {}

    def view(request):
        seen["body"], seen["post"] = request.body, request.POST.dict()
        return HttpResponse("ok")

    response = HostileInputMiddleware(view)(request)

    assert response.status_code == 200
    assert b'name="sign"' in seen["body"]
    assert seen["post"] == {"sign": "abc", "amount": "1.00"}


def test_clean_requests_pass_untouched(client):
    assert client.get("/search/", {"q": "乌龙茶 oolong"}).status_code == 200
    assert client.get("/products/", {"price_min": "10"}).status_code == 200
