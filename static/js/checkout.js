/* Checkout: refresh shipping fees when the address changes; one click places one order. */
