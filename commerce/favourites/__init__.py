"""Favourites (the heart button): products a signed-in shopper keeps for later."""
