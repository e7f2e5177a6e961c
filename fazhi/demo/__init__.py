"""Demo data for `make run`: an organisation tree, demo users and, from each ledger app, a year of records.

Each registered ledger's loader runs first, in the ledgers' order (fazhi.ledger.registry); then the
loaders that other apps register here with :func:`register` in their AppConfig.ready() (figures,
then the report, which drafts from everything before it). All run after the organisations and
users exist.
"""

_LOADERS: list = []


def register(loader):
    """loader(orgs: dict[str, Organisation], users: dict[str, User], stdout) -> None"""
    if loader not in _LOADERS:
        _LOADERS.append(loader)
    return loader


def loaders() -> list:
    from fazhi.ledger.registry import ledgers

    return [*(ledger.demo for ledger in ledgers() if ledger.demo), *_LOADERS]
