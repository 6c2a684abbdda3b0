"""Demo content for a fresh shop: brands, guides, a help center, banners, settings
and staff accounts, with every picture drawn by Pillow (nothing is downloaded).

``manage.py load_demo`` runs it; running it again changes nothing.
"""

from .loader import DemoLoader
from .site import login_lines

__all__ = ["DemoLoader", "login_lines"]
