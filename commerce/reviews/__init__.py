"""Verified-buyer reviews (F-23): one per delivered order line, moderated before they show."""
