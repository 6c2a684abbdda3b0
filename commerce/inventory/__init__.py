"""Inventory: the stock ledger (every change of stock is a movement) and its admin."""
