"""Shipping: methods and fees, carriers and parcel tracking, the product page's fee calculator."""
