"""Helpers shared by the dispute tests (imported by module name; see pyproject rootdir imports)."""

from fazhi.disputes import services
from fazhi.disputes.models import DisputeType
from tests.conftest import TODAY

ID_A = "11010519491231002X"
PHONE_A = "13812345678"


def new_dispute(
    actor, org, *, received_on=None, persons=2, summary="楼上漏水引发邻里纠纷", name="张三", **extra
):
    return services.intake(
        actor,
        org=org,
        channel=extra.pop("channel", "visit"),
        received_on=received_on or TODAY,
        dispute_type=extra.pop("dispute_type", None) or DisputeType.objects.get(name="邻里"),
        summary=summary,
        persons_involved=persons,
        parties=[
            services.PartyData(name=name, id_number=ID_A, phone=PHONE_A),
            services.PartyData(name="李四", role="respondent"),
        ],
        **extra,
    )
