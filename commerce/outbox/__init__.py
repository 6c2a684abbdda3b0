"""The e-mail outbox: every message to a customer is a row before it is a send."""
