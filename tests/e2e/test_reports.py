"""A manager opens the sales report, switches to the last 30 days, sees the chart drawn by the
shop's own Chart.js under the admin's content security policy, and downloads the CSV."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from analytics.rollups import rollups_build_recent
from tests.factories import UserFactory
from tests.factories.orders import make_order
from tests.factories.users import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_manager_reads_the_sales_chart_and_downloads_the_csv(page, console_errors):
    UserFactory(username="boss", groups=["Managers"])
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    make_order(
        status="paid", payment_method="alipay", placed_at=ten_days_ago, paid_at=ten_days_ago
    )
    make_order(total=Decimal("90.00"), status="paid", paid_at=timezone.now())
    rollups_build_recent(days=31)

    page.goto("/admin/login/")
    page.fill("input[name=username]", "boss")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/shop-reports/sales/")
    page.get_by_role("link", name=re.compile("30")).first.click()

    expect(page).to_have_url(re.compile(r"range=30d"))
    expect(page.locator("canvas[data-drawn=true]").first).to_be_visible()
    assert page.locator("canvas[data-drawn=true]").count() == 3
    expect(page.locator("[data-figure='3'] .figure-value")).to_have_text("¥280.00")
    with page.expect_download() as download_info:
        page.locator("[data-csv]").click()
    download = download_info.value
    assert re.fullmatch(r"sales-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv", download.suggested_filename)
    body = Path(download.path()).read_bytes()
    assert body.startswith("\ufeff".encode())
    assert "280.00" in body.decode("utf-8-sig")
    assert console_errors == []
