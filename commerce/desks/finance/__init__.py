"""The finance desk: bank transfers, cash on delivery, refunds and the daily takings."""
