"""Helpers shared by the disclosure tests (imported by module name)."""

from fazhi.disclosure import services
from tests.conftest import TODAY

ID_A = "11010519491231002X"
PHONE_A = "13812345678"


def new_request(actor, org, *, received_on=None, channel="in_person", kind="person", name="张三", **extra):
    received_on = received_on or TODAY
    return services.register(
        actor,
        org=org,
        channel=channel,
        submitted_on=extra.pop("submitted_on", received_on),
        received_on=received_on,
        applicant_kind=kind,
        content=extra.pop("content", "申请公开某地块征收补偿安置方案"),
        parties=[services.PartyData(name=name, id_number=ID_A, phone=PHONE_A)],
        **extra,
    )
