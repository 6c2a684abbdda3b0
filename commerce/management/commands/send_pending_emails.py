"""``manage.py send_pending_emails``: retry customer e-mails the mail server did not take.

Run it from cron (every few minutes) and by hand after the mail server is back.
Rows are sent oldest first, each under a row lock, so it is safe next to the task
worker and to another run of itself.
"""

from django.core.management.base import BaseCommand

from ...outbox.services import emails_send_pending


class Command(BaseCommand):
    help = (
        "Send the pending outgoing e-mails, oldest first (run from cron, or once the mail server "
        "is back)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=100, help="Send at most this many (default 100)."
        )

    def handle(self, *args, **options):
        sent, failed = emails_send_pending(limit=options["limit"])
        self.stdout.write(f"Sent {sent} e-mail(s); {failed} still failing.")
        if failed:
            self.stderr.write(
                "Some e-mails could not be sent; see the outbox for the last error of each."
            )
