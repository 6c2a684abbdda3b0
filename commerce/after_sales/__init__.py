"""After-sales (售后): returns, exchanges, repairs, refund-only cases and complaints."""
