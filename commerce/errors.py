"""Domain errors: each has a code for programs and a message for people.

Views turn them into form errors or messages; they never become 500s.
"""

from core.errors import CommerceError


class InsufficientStock(CommerceError):
    code = "insufficient_stock"


class ProductUnavailable(CommerceError):
    code = "unavailable"


class InvalidQuantity(CommerceError):
    code = "invalid_quantity"


class RedPacketInvalid(CommerceError):
    code = "red_packet_invalid"


class CheckoutInvalid(CommerceError):
    code = "checkout_invalid"


class IllegalTransition(CommerceError):
    code = "illegal_transition"
