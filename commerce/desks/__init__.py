"""The staff desks (logistics, customer service, finance): each a dashboard panel plus filtered
admin views over orders, permission-gated by role. Domain decisions live in ``<desk>.py``,
admin views in ``<desk>_views.py``."""
