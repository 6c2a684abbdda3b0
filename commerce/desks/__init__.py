"""The staff desks (logistics, customer service, finance): each a dashboard panel plus
filtered admin views over orders, permission-gated by role.

Each desk is a package: its decisions in ``services.py``, its admin views in ``views.py``
and ``urls.py``; ``base.py`` holds what the three share.
"""
