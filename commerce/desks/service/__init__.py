"""The customer-service desk: shoppers' notes, out-of-stock holds, order and customer lookups."""
