"""What the storefront tells shoppers about paying and delivery, read from what checkout
really offers and charges (the payment providers switched on, the time an order waits for
its money, the offered shipping methods and their fee rules), so no page promises what
checkout does not do. The editors' texts in the shop settings add notes under these facts."""
