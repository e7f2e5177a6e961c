"""Helpers shared by the litigation tests (imported by module name; see pyproject rootdir imports)."""

from fazhi.litigation import services
from tests.conftest import TODAY

ID_A = "11010519491231002X"
PHONE_A = "13812345678"


def new_case(actor, org, *, kind="administrative", received_on=None, name="张三", **extra):
    return services.register_case(
        actor,
        org=org,
        kind=kind,
        court=extra.pop("court", "测试区人民法院"),
        disputed_act=extra.pop("disputed_act", "违法建筑限期拆除决定"),
        copy_received_on=received_on or TODAY,
        parties=[services.PartyData(name=name, id_number=ID_A, phone=PHONE_A)],
        **extra,
    )
