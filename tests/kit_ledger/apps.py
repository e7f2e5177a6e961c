from fazhi.ledger.apps import LedgerConfig


class KitLedgerConfig(LedgerConfig):
    name = "tests.kit_ledger"
    label = "kit_ledger"
    verbose_name = "整改事项（测试台账）"
