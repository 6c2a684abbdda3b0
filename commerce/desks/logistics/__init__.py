"""The logistics desk: review new orders, stock, pack and ship them."""
