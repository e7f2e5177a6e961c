"""The registered ledgers: one :class:`Ledger` per ledger app, declared in ``<app>/ledger.py``.

The app's AppConfig derives from :class:`fazhi.ledger.apps.LedgerConfig`, whose ready() registers
the declaration. Everything that spans the ledgers reads it from here: the URLs (fazhi/urls.py), the
navigation, the demo loaders, the data generator, the home page and overdue board, backup/restore,
the audit of the settings lists and the system administrator's settings site.
``fazhi.ledger.checks`` verifies at start-up that each declaration is complete.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, eq=False)  # compared by identity: one declaration per app
class Ledger:
    namespace: str  # URL namespace (its urls module's app_name) and URL prefix: /<namespace>/
    label: str  # the navigation entry, e.g. "纠纷调解"
    order: int  # navigation, demo loading and data generation run in this order
    models: tuple  # the ledger's record models (LedgerRecord subclasses)
    api: str  # dotted path of the module that registers its API viewsets when imported
    figures: str  # dotted path of the module that declares its figures when imported
    pages: tuple = ()  # its LedgerPages; with ``excel`` and ``more_urls`` they are its URLs (``urlconf``)
    excel: tuple = ()  # its ExcelPages
    more_urls: tuple = ()  # URL patterns no pages declare, e.g. a document's download
    urls: str = ""  # instead: dotted path of its own urls module (app_name = namespace)
    demo: Callable | None = None  # loader(orgs, users, stdout) for `make run`'s demo data
    generator: str = ""  # dotted path of generate(batch) -> {row label: count} for gen_data
    settings_models: tuple = ()  # settings rows and reference lists the system administrator edits
    holder_kinds: frozenset[str] = frozenset()  # organisation kinds that may hold the ledger's records
    unit_kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)  # other roles, e.g. reviewer
    figure_prefix: str = ""  # codes "<prefix>.…" quoted by the report drafting are this ledger's figures
    list_url: str = ""  # the navigation entry's URL name; "<namespace>:list" unless given
    # The kinds of unit whose people keep the ledger and get its navigation entry (fazhi.web.navigation):
    # a person sees the entry when their units, or those below them, include one. Empty: ``holder_kinds``.
    nav_kinds: frozenset[str] = frozenset()

    @property
    def kept_by(self) -> frozenset[str]:
        return self.nav_kinds or self.holder_kinds

    @property
    def nav_url(self) -> str:
        return self.list_url or f"{self.namespace}:list"

    @property
    def prefix(self) -> str:
        return f"{self.namespace}/"

    @property
    def urlconf(self):
        """What fazhi/urls.py includes at ``prefix``: the urls module, or the URLs of the ledger's pages,
        Excel pages and ``more_urls`` under its namespace."""
        if self.urls:
            return self.urls
        pages = (*self.pages, *self.excel)
        return [*self.more_urls, *(url for page in pages for url in page.urls())], self.namespace


_LEDGERS: dict[str, Ledger] = {}


def register(ledger: Ledger) -> Ledger:
    """Called by LedgerConfig.ready(); registering the same declaration again changes nothing."""
    existing = _LEDGERS.get(ledger.namespace)
    if existing is not None and existing is not ledger:
        raise ValueError(f"ledger namespace registered twice: {ledger.namespace}")
    _LEDGERS[ledger.namespace] = ledger
    return ledger


def ledgers() -> list[Ledger]:
    return sorted(_LEDGERS.values(), key=lambda ledger: (ledger.order, ledger.namespace))


def ledger_models() -> list:
    """Every ledger record model: the home page, the overdue board, restore and the access matrix read it."""
    return [model for ledger in ledgers() for model in ledger.models]


def settings_models() -> list:
    return [model for ledger in ledgers() for model in ledger.settings_models]


def ledger_of(model) -> Ledger | None:
    """The registered ledger whose records ``model`` holds, or None (a model of no ledger)."""
    return next((ledger for ledger in ledgers() if model in ledger.models), None)
