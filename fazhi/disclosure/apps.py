from fazhi.ledger.apps import LedgerConfig


class DisclosureConfig(LedgerConfig):
    name = "fazhi.disclosure"
    verbose_name = "政府信息公开申请"
