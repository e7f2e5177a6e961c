from fazhi.ledger.apps import LedgerConfig


class PetitionsConfig(LedgerConfig):
    name = "fazhi.petitions"
    verbose_name = "信访与民意诉求"
