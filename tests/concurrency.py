"""Running code in real threads at the same instant, for the PostgreSQL locking tests."""

import threading

from django.db import connection
from django.utils import translation


def run_together(calls, *, language: str = "en") -> list:
    """Run each callable in its own thread (so its own database connection), released together.

    Returns what each returned or raised, in order. Threads do not inherit the test's
    active language, so each activates ``language`` for messages the test compares.
    """
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(index, call):
        translation.activate(language)
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung: deadlock?"
    return outcomes
