"""Storefront views of commerce, one module per area; thin: form → domain function → redirect."""
