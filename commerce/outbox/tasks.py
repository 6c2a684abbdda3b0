"""Background tasks of commerce (django-tasks).

The immediate backend (embedded default, tests) runs a task in-process as soon as
it is enqueued, i.e. inside the ``on_commit`` callback of the request that queued
it; production runs them in ``manage.py db_worker`` (django-tasks-db). Either way
a task must not raise for an expected failure: the outbox row records it.
"""

from django_tasks import task

from .services import email_send


@task()
def send_email_task(email_id: int) -> bool:
    """Send outbox row ``email_id`` if still pending; a failure leaves it pending for a retry."""
    return email_send(email_id=email_id)
