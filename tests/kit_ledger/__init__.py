"""A ledger declared only through the kit, installed for the test suite alone (tests/settings.py).

It is the worked example of docs/architecture.md "Adding a ledger": every file a ledger app has, at
its smallest — one model (整改事项) with one deadline rule and three states — and not one edit
outside this folder. tests/ledger/test_kit_ledger.py proves what the kit then gives it.
"""
