"""Red packets (红包): vouchers staff issue and shoppers claim, spent at checkout."""
