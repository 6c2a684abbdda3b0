"""Online payment and the money ledger of an order.

``providers`` holds the ways of paying (cash on delivery, bank transfer, Alipay,
the demo gateway); ``notifications`` applies what providers tell us; ``services``
records payments and refunds under the order's row lock; ``links`` signs the links
to an order's payment pages.
"""
