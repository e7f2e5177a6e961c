"""Paging lives below the apps (``fazhi.paging``). This name stays only while the branches
written against it (new ledgers, oversight) merge; import ``fazhi.paging``, then delete this module."""

from fazhi.paging import PAGE_SIZE, paginate  # noqa: F401
