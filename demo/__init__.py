"""Demo content for a fresh shop: brands, guides, a help center, banners, settings, a
catalogue, shoppers with red packets and past orders, and staff accounts, with every
picture drawn by Pillow (nothing is downloaded).

``manage.py load_demo`` runs it; running it again changes nothing. No app imports this
one: the demo goes through the same domain functions a person would use.
"""
