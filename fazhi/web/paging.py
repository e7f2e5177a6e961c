"""Paging lives in the ledger kit (``fazhi.ledger.paging``). This name stays only while the branches
written against it (new ledgers, oversight) merge; import from the kit, then delete this module."""

from fazhi.ledger.paging import PAGE_SIZE, paginate  # noqa: F401
