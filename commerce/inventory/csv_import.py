"""Purchase-in lines from a CSV file: every row checked before anything is booked.

Columns ``sku, quantity, supplier_reference, unit_cost`` (UTF-8 or GB18030, the first
line names them); a file with any bad row books nothing and says what is wrong with
each row.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.csv_files import decode_csv
from products.models import ProductVariant, Stock

from .services import (
    MAX_UNITS,
    Purchase,
)

CSV_COLUMNS = ("sku", "quantity", "supplier_reference", "unit_cost")
MAX_CSV_ROWS = 5000


# CSV import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    line: int
    sku: str
    message: str


def _row_problems(row: dict, known: set[str]) -> list[str]:
    problems = []
    if row["sku"] not in known:
        problems.append(_("unknown SKU"))
    try:
        quantity = int(row["quantity"])
    except ValueError:
        quantity = 0
    if not 1 <= quantity <= MAX_UNITS:
        problems.append(
            _("quantity must be a whole number from 1 to %(max)d") % {"max": MAX_UNITS}
        )
    if not row["supplier_reference"] or len(row["supplier_reference"]) > 80:
        problems.append(_("supplier reference is missing or longer than 80 characters"))
    try:
        cost = Decimal(row["unit_cost"])
        valid_cost = (
            cost.is_finite() and 0 <= cost < 10**8 and cost == cost.quantize(Decimal("0.01"))
        )
    except InvalidOperation:
        valid_cost = False
    if not valid_cost:
        problems.append(_("unit cost must be a number of 0 or more with at most two decimals"))
    return problems


def parse_purchase_csv(raw: bytes) -> tuple[list[Purchase], list[RowProblem]]:
    """Every row checked before anything is booked: the purchases, or the problems of every bad
    row."""
    text = decode_csv(raw)
    if text is None:
        return [], [RowProblem(1, "", _("This is not a readable CSV file."))]
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [name.strip().lower() for name in reader.fieldnames or []]
        if sorted(header) != sorted(CSV_COLUMNS):
            return [], [
                RowProblem(
                    1,
                    "",
                    _("The first line must name the columns %(columns)s.")
                    % {"columns": ", ".join(CSV_COLUMNS)},
                )
            ]
        reader.fieldnames = header
        rows = [
            (
                number,
                {key: (value or "").strip() for key, value in row.items() if key in CSV_COLUMNS},
            )
            for number, row in enumerate(reader, start=2)
        ]
    except csv.Error:
        return [], [RowProblem(1, "", _("This is not a readable CSV file."))]
    if not rows:
        return [], [RowProblem(1, "", _("The file has no rows below the column names."))]
    if len(rows) > MAX_CSV_ROWS:
        return [], [
            RowProblem(1, "", _("At most %(max)d rows at a time.") % {"max": MAX_CSV_ROWS})
        ]
    return _purchases_or_problems(rows)


def _purchases_or_problems(rows) -> tuple[list[Purchase], list[RowProblem]]:
    skus = {row["sku"] for _number, row in rows}
    known = set(Stock.objects.filter(sku__in=skus).values_list("sku", flat=True)) | set(
        ProductVariant.objects.filter(sku__in=skus).values_list("sku", flat=True)
    )
    problems = [
        RowProblem(number, row["sku"], "; ".join(found))
        for number, row in rows
        if (found := _row_problems(row, known))
    ]
    if problems:
        return [], problems
    return [
        Purchase(
            sku=row["sku"],
            quantity=int(row["quantity"]),
            supplier_reference=row["supplier_reference"],
            unit_cost=Decimal(row["unit_cost"]),
        )
        for _number, row in rows
    ], []
