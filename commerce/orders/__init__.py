"""Orders: placing them, the statuses they go through, the shopper's order pages and the admin
list."""
