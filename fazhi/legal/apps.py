from fazhi.ledger.apps import LedgerConfig


class LegalConfig(LedgerConfig):
    name = "fazhi.legal"
    verbose_name = "合法性审查"
