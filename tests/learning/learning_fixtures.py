"""Helpers shared by the learning tests (imported by module name)."""

from fazhi.learning import services
from tests.conftest import TODAY


def new_session(actor, org, **over):
    fields = {
        "held_on": TODAY,
        "kind": "pre_meeting",
        "title": "会前学法：行政复议法",
        "topics": "行政复议法\n民法典",
        "audience": "leaders",
        "attendance": 15,
        "hosted_by_head": True,
    }
    return services.record_session(actor, org=org, **(fields | over))


def new_event(actor, org, **over):
    fields = {
        "held_on": TODAY,
        "kind": "month",
        "title": "民法典宣传月",
        "people_reached": 300,
        "consultations": 40,
    }
    return services.record_event(actor, org=org, **(fields | over))


def new_service(actor, org, **over):
    fields = {"served_on": TODAY, "kind": "consultation", "count": 12, "summary": "7月汇总"}
    return services.record_service(actor, org=org, **(fields | over))
