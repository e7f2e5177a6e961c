"""Which models are ledgers: the home page, the overdue board and the access matrix test read it."""

_LEDGERS: list = []


def register(model):
    """Class decorator for a concrete LedgerRecord model."""
    if model not in _LEDGERS:
        _LEDGERS.append(model)
    return model


def ledger_models() -> list:
    return list(_LEDGERS)
