"""Checkout: the shopper's choices (address, shipping, payment, red packet, note), the review
and placing the order."""
