"""Attribute values checked against their product type's definitions.

A product type (Book, Phone, Apparel…) lists its attributes; a product's values
must fit them: required ones present, numbers numeric, choices from the list,
ISBNs with a valid checksum. One function decides, so the admin form, importers
and tests agree.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TRUE_WORDS = {"yes", "true", "1", "是", "有"}
FALSE_WORDS = {"no", "false", "0", "否", "无"}


def isbn_is_valid(raw: str) -> bool:
    """ISBN-10 or ISBN-13 with a correct check digit (hyphens and spaces ignored)."""
    isbn = re.sub(r"[\s-]", "", raw or "").upper()
    if re.fullmatch(r"\d{13}", isbn):
        total = sum(int(digit) * (1 if i % 2 == 0 else 3) for i, digit in enumerate(isbn[:12]))
        return (10 - total % 10) % 10 == int(isbn[12])
    if re.fullmatch(r"\d{9}[\dX]", isbn):
        total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(isbn))
        return total % 11 == 0
    return False


def normalise_value(definition, raw: str) -> str:
    """The canonical text of one value for ``definition``, or ValidationError with a clear
    message."""
    from .models import AttributeDefinition

    Kind = AttributeDefinition.Kind
    value = (raw or "").strip()
    if not value:
        raise ValidationError(_("%(name)s: a value is needed.") % {"name": definition.name})
    if definition.kind == Kind.NUMBER:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValidationError(
                _("%(name)s: “%(value)s” is not a number.")
                % {"name": definition.name, "value": value}
            ) from None
        if not number.is_finite():
            raise ValidationError(
                _("%(name)s: “%(value)s” is not a number.")
                % {"name": definition.name, "value": value}
            )
        return format(number.normalize(), "f")
    if definition.kind == Kind.DATE:
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValidationError(
                _("%(name)s: use a date like 2024-05-31.") % {"name": definition.name}
            ) from None
    if definition.kind == Kind.BOOLEAN:
        lowered = value.lower()
        if lowered in TRUE_WORDS:
            return "yes"
        if lowered in FALSE_WORDS:
            return "no"
        raise ValidationError(_("%(name)s: answer yes or no.") % {"name": definition.name})
    if (
        definition.kind in (Kind.CHOICE, Kind.MULTI_CHOICE)
        and value not in definition.choice_list()
    ):
        raise ValidationError(
            _("%(name)s: “%(value)s” is not one of: %(choices)s.")
            % {
                "name": definition.name,
                "value": value,
                "choices": ", ".join(definition.choice_list()),
            }
        )
    if definition.validator == definition.Validator.ISBN and not isbn_is_valid(value):
        raise ValidationError(
            _("%(name)s: “%(value)s” is not a valid ISBN (check digit wrong).")
            % {"name": definition.name, "value": value}
        )
    return value


def validate_attribute_values(*, product_type, values: list[tuple]) -> list[tuple]:
    """Check ``(definition, raw_text)`` pairs against ``product_type``; return them normalised.

    Raises one ValidationError listing every problem, so the editor fixes all at once.
    """
    from .models import AttributeDefinition

    errors: list[str] = []
    cleaned: list[tuple] = []
    seen: dict[int, int] = {}
    allowed = {
        definition.pk: definition for definition in product_type.attribute_definitions.all()
    }
    for definition, raw in values:
        if definition.pk not in allowed:
            errors.append(
                _("%(name)s does not belong to the product type %(type)s.")
                % {"name": definition.name, "type": product_type.name}
            )
            continue
        seen[definition.pk] = seen.get(definition.pk, 0) + 1
        if seen[definition.pk] == 2 and definition.kind != AttributeDefinition.Kind.MULTI_CHOICE:
            errors.append(_("%(name)s can have only one value.") % {"name": definition.name})
            continue
        try:
            value = normalise_value(definition, raw)
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        if (definition, value) in cleaned:
            errors.append(
                _("%(name)s lists “%(value)s” twice.") % {"name": definition.name, "value": value}
            )
            continue
        cleaned.append((definition, value))
    for definition in allowed.values():
        if definition.required and definition.pk not in seen:
            errors.append(
                _("%(name)s is required for %(type)s.")
                % {"name": definition.name, "type": product_type.name}
            )
    if errors:
        raise ValidationError(errors)
    return cleaned
