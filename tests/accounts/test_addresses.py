"""The address book's domain functions: one default, always, whatever the order of changes."""

import pytest

from accounts.addresses import address_create, address_delete, address_set_default, address_update
from accounts.models import Address
from tests.concurrency import run_together
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def defaults(user):
    return list(
        Address.objects.filter(user=user, is_default=True).values_list("recipient", flat=True)
    )


def add(user, fields, recipient, **kwargs):
    return address_create(user=user, **{**fields, "recipient": recipient}, **kwargs)


def test_first_address_becomes_default_even_unticked(shopper, address_fields):
    first = add(shopper, address_fields, "A")
    second = add(shopper, address_fields, "B")

    assert (first.is_default, second.is_default) == (True, False)
    assert defaults(shopper) == ["A"]


def test_new_address_can_take_over_the_default(shopper, address_fields):
    add(shopper, address_fields, "A")

    add(shopper, address_fields, "B", make_default=True)

    assert defaults(shopper) == ["B"]


def test_set_default_moves_it(shopper, address_fields):
    add(shopper, address_fields, "A")
    second = add(shopper, address_fields, "B")

    address_set_default(address=second)
    address_set_default(address=second)

    assert defaults(shopper) == ["B"]


def test_update_changes_fields_and_can_promote(shopper, address_fields):
    add(shopper, address_fields, "A")
    second = add(shopper, address_fields, "B")

    address_update(address=second, make_default=True, street="人民路 8 号", postcode="")

    second.refresh_from_db()
    assert (second.street, second.postcode, second.is_default) == ("人民路 8 号", "", True)
    assert defaults(shopper) == ["B"]


def test_update_never_leaves_the_book_without_a_default(shopper, address_fields):
    first = add(shopper, address_fields, "A")

    address_update(address=first, make_default=False, city="广州市")

    assert defaults(shopper) == ["A"]


def test_update_refuses_fields_it_does_not_own(shopper, address_fields):
    first = add(shopper, address_fields, "A")

    with pytest.raises(TypeError):
        address_update(address=first, user=UserFactory())


def test_deleting_the_default_promotes_the_newest_other(shopper, address_fields):
    first = add(shopper, address_fields, "A")
    add(shopper, address_fields, "B")
    add(shopper, address_fields, "C")

    successor = address_delete(address=first)

    assert successor.recipient == "C"
    assert defaults(shopper) == ["C"]


def test_deleting_another_address_keeps_the_default(shopper, address_fields):
    add(shopper, address_fields, "A")
    second = add(shopper, address_fields, "B")

    assert address_delete(address=second) is None
    assert defaults(shopper) == ["A"]


def test_deleting_the_last_address_leaves_an_empty_book(shopper, address_fields):
    only = add(shopper, address_fields, "A")

    assert address_delete(address=only) is None
    assert not Address.objects.filter(user=shopper).exists()


def test_defaults_of_different_shoppers_are_independent(shopper, address_fields):
    other = UserFactory()
    add(shopper, address_fields, "A")
    add(other, address_fields, "X")

    add(shopper, address_fields, "B", make_default=True)

    assert (defaults(shopper), defaults(other)) == (["B"], ["X"])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_default_switches_queue_up_and_leave_one_default(address_fields):
    user = UserFactory()
    book = [
        address_create(user=user, **{**address_fields, "recipient": f"R{n}"}) for n in range(6)
    ]

    outcomes = run_together([lambda a=address: address_set_default(address=a) for address in book])

    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert errors == []
    assert Address.objects.filter(user=user, is_default=True).count() == 1
