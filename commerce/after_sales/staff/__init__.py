"""The after-sales desk in the admin: each role's queue, one request with the steps its role
may take, the desk's numbers, and staff cancelling an order.

Who sees what (checked by every view, not only by the menu):

* customer service (``commerce.serve_customer``): the queue of new requests; approve,
  reject, ask for information;
* logistics (``commerce.fulfil_order``): returns expected and received; record what came
  back and its condition; send the replacement or the repaired item back;
* finance (``commerce.record_payment``): approved refunds; pay them;
* all three (Managers have all three): one request's page, staff notes and the numbers;
* cancelling an order: customer service and logistics (``cancellation`` says which orders).

Views are thin: form → ``services`` function → redirect; a refusal becomes a message.
"""

from .cancel import CancelOrderView
from .desks import ANY_ROLE, FINANCE, LOGISTICS, SERVICE, TABS
from .queues import ExpectedView, ReceivedView, RefundsView, ReportsView, ServiceQueueView
from .request import ActionView, DetailView

__all__ = [
    "ANY_ROLE",
    "FINANCE",
    "LOGISTICS",
    "SERVICE",
    "TABS",
    "ActionView",
    "CancelOrderView",
    "DetailView",
    "ExpectedView",
    "ReceivedView",
    "RefundsView",
    "ReportsView",
    "ServiceQueueView",
]
