"""The shopping cart: its rows, the changes a shopper makes, the cart page and the header count."""
