"""The texts and picture recipes of the demo shop (Chinese with English where it fits)."""

from .brands import BRANDS
from .guides_lifestyle import GUIDES_LIFESTYLE
from .guides_tech_home import GUIDES_TECH_HOME
from .help import HELP_CATEGORIES

# Newest first is the order of the guide index anyway; keep the data grouped by topic.
GUIDES = GUIDES_TECH_HOME + GUIDES_LIFESTYLE

__all__ = ["BRANDS", "GUIDES", "HELP_CATEGORIES"]
