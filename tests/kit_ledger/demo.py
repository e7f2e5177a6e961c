"""Demo data (`make run`) and generated data (gen_data) of the test ledger: a few open matters."""

from datetime import timedelta

from .importing import write
from .models import Notice


def load_demo(orgs, users, stdout):
    """The demo district only ever runs with the test ledger inside the test suite: nothing to show."""


def generate(batch) -> dict[str, int]:
    """One matter per 街道-year, handed to the 街道 on its year's last day the generator may reach."""
    notice = Notice(
        org=batch.street.org, title=f"{batch.label}整改事项", issued_on=batch.end - timedelta(days=30)
    )
    notice.refresh_deadlines()
    return {"整改事项": len(write(None, [notice], batch.label))}
