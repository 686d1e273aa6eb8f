"""Period reports, 台账 exports, the ledger across items and overviews of many plans, as plain data."""
