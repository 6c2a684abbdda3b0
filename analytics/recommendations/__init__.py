"""Recommendations for shoppers (F-35): "customers who bought this also bought", "customers
who viewed this also viewed" and "recently viewed".

* ``services`` rebuilds the precomputed pairs (``ProductPair``) from paid orders and view
  events, and keeps a visitor's recently viewed products in the session.
* ``selectors`` reads the product page's rows (a fixed number of queries however many cards)
  and a shopper's recently viewed products.
* ``views`` serves the recently viewed row as a fragment the product page and the cart fetch
  by script, so those pages stay the same for every visitor (and cacheable).
"""
