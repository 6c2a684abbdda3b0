"""Tell a friend (F-24): a signed-in shopper sends a product to a friend's e-mail address."""
