from fazhi.ledger.apps import LedgerConfig


class KitLedgerConfig(LedgerConfig):
    name = "tests.kit_ledger"
    label = "kit"  # the namespace, as every ledger app's label is
    verbose_name = "整改事项（测试台账）"
