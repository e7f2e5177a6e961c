"""An edit naming a field the page does not edit is refused, naming the fields, whichever ledger it reaches."""

import pytest

from fazhi.disputes.services import EDITABLE
from fazhi.errors import FazhiError
from fazhi.ledger.services import require_editable


def test_editable_fields_pass():
    require_editable({"summary": "x", "received_on": None}, EDITABLE)


def test_other_fields_are_refused_by_name():
    with pytest.raises(FazhiError) as refused:
        require_editable({"summary": "x", "status": "success", "org": 1}, EDITABLE)
    assert refused.value.message == "这些字段不能在此修改：org、status。"
