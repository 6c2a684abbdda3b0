"""E-mails to account holders, queued by whatever outbox the shop registers.

Accounts sit below commerce, whose outbox (a table written in the caller's
transaction, sent by a background task) carries every customer e-mail. Commerce
registers its queue function for the Wagtail hook ``queue_account_email``; without
one, the caller sends the plain Django way.
"""

from wagtail import hooks

ACCOUNT_EMAIL_HOOK = "queue_account_email"


def account_email_queue(
    *, kind: str, to: str, language: str, context: dict, dedupe_key: str
) -> bool:
    """Queue ``templates/emails/<kind>.*`` for ``to``; False when no outbox is registered."""
    for queue in hooks.get_hooks(ACCOUNT_EMAIL_HOOK):
        queue(kind=kind, to=to, language=language, context=context, dedupe_key=dedupe_key)
        return True
    return False
