from fazhi.ledger.apps import LedgerConfig


class LearningConfig(LedgerConfig):
    name = "fazhi.learning"
    verbose_name = "学法普法与公共法律服务"
