"""The admin's "Customer voice" menu: the review queue, the Q&A queue, the guide comments
queue and the blocked words.

Apart from ``moderation.admin`` because the queues build on it; ``commerce/wagtail_hooks.py``
registers the group, which registers each viewset's pages. Each entry shows only to staff
with its right, and the menu only when one of them shows.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSetGroup

from ..guide_comments.admin import GuideCommentViewSet
from ..questions.admin import QuestionViewSet
from ..reviews.admin import ReviewViewSet
from .admin import BlockedWordViewSet


class CustomerVoiceViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Customer voice")
    menu_icon = "comment"
    menu_name = "customer-voice"
    menu_order = 285
    items = (
        ReviewViewSet,
        QuestionViewSet,
        GuideCommentViewSet,
        BlockedWordViewSet("blocked_words"),
    )
