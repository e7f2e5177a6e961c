"""Helpers shared by the petition tests."""

from fazhi.petitions import services
from tests.conftest import TODAY

ID_A = "11010519491231002X"
PHONE_A = "13812345678"


def new_petition(actor, org, *, received_on=None, name="张三", id_number=ID_A, phone=PHONE_A, **extra):
    fields = {
        "form": "visit",
        "received_on": received_on or TODAY,
        "matter": "反映小区周边道路施工影响出行",
        "persons": 1,
    } | extra
    return services.register(
        actor, org=org, parties=[services.PartyData(name=name, id_number=id_number, phone=phone)], **fields
    )


def accept(actor, petition, day=None):
    return services.decide_acceptance(
        actor,
        petition,
        petition.version,
        decision="accept",
        decided_on=day or petition.received_on,
        note="已受理",
    )
