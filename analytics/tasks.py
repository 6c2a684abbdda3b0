"""Background work of analytics (django-tasks): the in-process backend runs it right after
the request that asked; production runs it in ``manage.py db_worker``."""

from django_tasks import task

from .services import events_flush


@task()
def flush_events() -> int:
    """Store what waits in the event buffer."""
    return events_flush()


@task()
def build_rollups(days: int = 2) -> str:
    """Rebuild the daily rollups of the last ``days`` days (the reports' figures) and the
    recommendation pairs."""
    from .recommendations.services import product_pairs_build
    from .rollups import rollups_build_recent

    events_flush()
    run = rollups_build_recent(days=days)
    product_pairs_build()
    return f"{run.first_day}…{run.last_day}"
