from fazhi.ledger.apps import LedgerConfig


class LitigationConfig(LedgerConfig):
    name = "fazhi.litigation"
    verbose_name = "行政复议与诉讼"
