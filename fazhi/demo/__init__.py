"""Demo data for `make run`: an organisation tree, demo users and, from each ledger app, a year of records.

A ledger app registers a loader with :func:`register` in its AppConfig.ready(); loaders run in
registration order after the organisations and users exist.
"""

_LOADERS: list = []


def register(loader):
    """loader(orgs: dict[str, Organisation], users: dict[str, User], stdout) -> None"""
    if loader not in _LOADERS:
        _LOADERS.append(loader)
    return loader


def loaders() -> list:
    return list(_LOADERS)
