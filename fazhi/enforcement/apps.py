from fazhi.ledger.apps import LedgerConfig


class EnforcementConfig(LedgerConfig):
    name = "fazhi.enforcement"
    verbose_name = "行政执法"
