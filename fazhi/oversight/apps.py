from fazhi.ledger.apps import LedgerConfig


class OversightConfig(LedgerConfig):
    name = "fazhi.oversight"
    verbose_name = "监督事项"
