"""The shopper's after-sales pages: from the order page to the request, only their own."""

import re

import pytest
from django.urls import reverse

from commerce.after_sales.services import after_sales_request_create
from commerce.models import AfterSalesRequest, Carrier, OutgoingEmail
from tests.factories.users import UserFactory

from .conftest import line_of, photo

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def new_url(order):
    return reverse("after_sales_new", kwargs={"number": order.number})


def file_request(order, user, **fields):
    values = {
        "kind": "return",
        "reason": "no_reason",
        "description": "Too big.",
        "quantities": {line_of(order, "tea").pk: 1},
    }
    values.update(fields)
    return after_sales_request_create(order=order, user=user, **values)


def test_a_delivered_order_offers_after_sales(client, delivered, shopper):
    client.force_login(shopper)

    page = client.get(delivered.get_absolute_url()).content.decode()

    assert f'href="{new_url(delivered)}" data-after-sales' in page
    assert "Apply for after-sales" in page


def test_an_order_still_on_its_way_does_not(client, place, shopper):
    order = place(delivered=False)
    client.force_login(shopper)

    page = client.get(order.get_absolute_url()).content.decode()

    assert "data-after-sales" not in page


def test_the_shopper_returns_one_line_with_a_photo(client, delivered, shopper):
    client.force_login(shopper)
    tea, cup = line_of(delivered, "tea"), line_of(delivered, "cup")

    response = client.post(
        new_url(delivered),
        {
            "kind": "return",
            "reason": "no_reason",
            "description": "Too big.",
            f"qty_{tea.pk}": "1",
            f"qty_{cup.pk}": "0",
            "photos": [photo()],
        },
    )

    request = AfterSalesRequest.objects.get()
    assert response.status_code == 302 and response.url == request.get_absolute_url()
    assert [(line.order_line_id, line.quantity) for line in request.lines.all()] == [(tea.pk, 1)]
    assert request.photos.count() == 1
    detail = client.get(request.get_absolute_url()).content.decode()
    assert "Submitted" in detail and "Too big." in detail
    assert OutgoingEmail.objects.filter(kind="after_sales").count() == 1


@pytest.mark.parametrize("quantity", ["abc", "-1", "1.5", "99999"])
def test_an_unreadable_quantity_is_a_message_not_an_error(client, delivered, shopper, quantity):
    client.force_login(shopper)
    tea = line_of(delivered, "tea")

    response = client.post(
        new_url(delivered), {"kind": "return", "reason": "no_reason", f"qty_{tea.pk}": quantity}
    )

    assert response.status_code == 200
    assert not AfterSalesRequest.objects.exists()
    assert "form-errors" in response.content.decode()


def test_too_many_units_are_refused_with_the_count(client, delivered, shopper):
    client.force_login(shopper)
    tea = line_of(delivered, "tea")

    response = client.post(
        new_url(delivered), {"kind": "return", "reason": "no_reason", f"qty_{tea.pk}": "3"}
    )

    assert response.status_code == 200 and not AfterSalesRequest.objects.exists()
    assert "at most 2 more can be asked for" in response.content.decode()


def test_a_disguised_upload_is_refused_on_the_page(client, delivered, shopper):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(shopper)
    tea = line_of(delivered, "tea")
    svg = SimpleUploadedFile("cat.png", b"<svg onload=alert(1)></svg>", content_type="image/png")

    response = client.post(
        new_url(delivered),
        {"kind": "return", "reason": "no_reason", f"qty_{tea.pk}": "1", "photos": [svg]},
    )

    assert response.status_code == 200 and not AfterSalesRequest.objects.exists()
    assert "Please choose a photo in JPEG, PNG or WebP format." in response.content.decode()


def test_another_shoppers_order_and_request_are_404(client, delivered, shopper):
    request = file_request(delivered, shopper)
    client.force_login(UserFactory())

    assert client.get(new_url(delivered)).status_code == 404
    assert client.get(request.get_absolute_url()).status_code == 404
    for action in ("cancel", "reply", "ship"):
        url = reverse(f"after_sales_{action}", kwargs={"number": request.number})
        assert client.post(url, {"message": "x"}).status_code == 404
    request.refresh_from_db()
    assert request.status == "submitted"


def test_signed_out_visitors_are_sent_to_sign_in(client, delivered, shopper):
    request = file_request(delivered, shopper)

    response = client.get(request.get_absolute_url())

    assert response.status_code == 302 and "/login/" in response.url


def test_html_in_the_description_is_escaped_on_the_page_and_in_the_e_mail(
    client, delivered, shopper
):
    request = file_request(delivered, shopper, description=XSS)
    client.force_login(shopper)

    page = client.get(request.get_absolute_url()).content.decode()
    email = OutgoingEmail.objects.get(kind="after_sales")

    assert XSS not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert XSS not in email.html_body and "&lt;script&gt;" in email.html_body


def test_the_shopper_cancels_and_enters_the_return_parcel(client, delivered, shopper, staff_user):
    from commerce.after_sales.services import after_sales_approve

    request = file_request(delivered, shopper)
    after_sales_approve(
        request=request,
        actor=staff_user("Customer service"),
        return_needed=True,
        refund_amount="68.00",
    )
    client.force_login(shopper)
    ship_url = reverse("after_sales_ship", kwargs={"number": request.number})
    carrier = Carrier.objects.get(code="sf")

    bad = client.post(
        ship_url, {"carrier": carrier.pk, "tracking_number": "<b>1</b>"}, follow=True
    )
    good = client.post(
        ship_url, {"carrier": carrier.pk, "tracking_number": "SF1234567"}, follow=True
    )
    page = good.content.decode()
    client.post(reverse("after_sales_cancel", kwargs={"number": request.number}))

    assert "A tracking number has 4 to 60 letters, digits or dashes." in bad.content.decode()
    assert "SF1234567" in page and "Write <strong>" in page and request.number in page
    request.refresh_from_db()
    assert request.status == "cancelled" and request.return_tracking_number == "SF1234567"


def test_my_after_sales_lists_the_shoppers_requests_in_few_queries(
    client, place, shopper, django_assert_max_num_queries
):
    for _ in range(3):
        file_request(place(), shopper)
    file_request(place(user=(other := UserFactory())), other)
    client.force_login(shopper)

    with django_assert_max_num_queries(12):
        page = client.get(reverse("after_sales_list")).content.decode()

    assert page.count('class="order-list__item"') == 3


def test_my_account_links_to_my_after_sales(client, shopper):
    client.force_login(shopper)

    page = client.get(reverse("account_home")).content.decode()

    assert f'href="{reverse("after_sales_list")}"' in page and "My after-sales" in page


def test_the_request_page_shows_the_types_steps_and_where_it_is(
    client, delivered, shopper, staff_user
):
    from commerce.after_sales.services import after_sales_approve, after_sales_reject

    waiting = file_request(delivered, shopper)
    after_sales_approve(
        request=waiting,
        actor=staff_user("Customer service"),
        return_needed=True,
        refund_amount="68.00",
    )
    rejected = file_request(delivered, shopper, quantities={line_of(delivered, "cup").pk: 1})
    after_sales_reject(request=rejected, actor=staff_user("Customer service"), reason="Used.")
    client.force_login(shopper)

    def steps(case):
        page = client.get(case.get_absolute_url()).content.decode()
        timeline = page.split("data-timeline", 1)[1].split("</ol>", 1)[0]
        return re.findall(r'class="timeline__label">([^<]+)<', timeline), timeline

    labels, timeline = steps(waiting)
    assert labels == [
        "Submitted",
        "Approved: awaiting your parcel",
        "Parcel received",
        "Approved: refund on its way",
        "Refunded",
    ]
    assert timeline.count("timeline__step--done") == 2
    assert steps(rejected)[0] == ["Submitted", "Rejected"]
