"""A world of two 街道 with one record of every ledger (and every other org-scoped object the API
serves) in each, and a person of every role in 街道 a — built once per test module.

The module-scoped data lives inside one outer transaction that is rolled back when the module ends;
each test's own `db` transaction nests inside it as a savepoint, so tests stay isolated and cheap.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from fazhi.ledger.registry import ledger_models
from fazhi.orgs.models import Kind, RoleAssignment
from fazhi.orgs.roles import ROLES
from tests.conftest import PASSWORD, make_org

# A fixed past working day: deadlines computed from it stay inside years the holiday calendar knows.
TODAY = datetime.date(2025, 6, 3)
# Each 街道's parties have their own ID number and phone, so that a leak of personal data across the
# boundary shows as b's number in a's answer.
PERSONAL = {"a": ("11010519491231002X", "13812345678"), "b": ("110105194912310038", "13900001111")}
ID_NUMBER, PHONE = PERSONAL["a"]


def _label(model) -> str:
    return model._meta.label


# --- one factory per ledger model: factory(world, street_code) → a saved record of that street ------


def _dispute(world, street):
    from fazhi.disputes import services
    from fazhi.disputes.models import DisputeType

    return services.intake(
        world.writer(street),
        org=world.orgs[f"{street}-tw"],
        channel="visit",
        received_on=TODAY,
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary=f"{street}街道楼上漏水引发邻里纠纷",
        persons_involved=2,
        parties=[
            services.PartyData(name="张三", id_number=PERSONAL[street][0], phone=PERSONAL[street][1]),
            services.PartyData(name="李四", role="respondent"),
        ],
    )


def _review_item(world, street):
    from fazhi.legal import services

    return services.submit(
        world.writer(street),
        org=world.orgs[f"{street}-sfs"],  # a 街道 submits through its units (legal's holder_kinds)
        kind="contract",
        title=f"{street}街道物业服务采购合同",
        submitted_on=TODAY,
        counterparty="某物业服务有限公司",
        amount=Decimal("50000"),
        materials="合同文本",
    )


def _case(world, street):
    from fazhi.litigation import services

    return services.register_case(
        world.writer(street),
        org=world.orgs[street],
        kind="administrative",
        court="测试区人民法院",
        disputed_act="违法建筑限期拆除决定",
        copy_received_on=TODAY,
        parties=[services.PartyData(name="王五", id_number=PERSONAL[street][0], phone=PERSONAL[street][1])],
    )


def _suggestion(world, street):
    from fazhi.oversight import services

    return services.receive_suggestion(
        world.writer(street),
        org=world.orgs[street],
        kind="procuratorate",
        issuer="测试区人民检察院",
        received_on=TODAY,
        content=f"{street}街道检察建议内容",
    )


def _reminder(world, street):
    from fazhi.oversight import services

    return services.issue_reminder(
        world.writer(street),
        org=world.orgs[street],
        to_unit=world.orgs[f"{street}-tw"],
        issued_on=TODAY,
        matter=f"{street}街道提醒事项",
    )


def _petition(world, street):
    from fazhi.petitions import services

    return services.register(
        world.writer(street),
        org=world.orgs[street],
        form="visit",
        received_on=TODAY,
        matter=f"{street}街道反映道路施工影响出行",
        persons=1,
        parties=[services.PartyData(name="赵六", id_number=PERSONAL[street][0], phone=PERSONAL[street][1])],
    )


def _officers(world, street, *names):
    from fazhi.enforcement import services

    return [
        services.add_officer(
            world.writer(street),
            org=world.orgs[f"{street}-zf"],
            name=name,
            joined_on=datetime.date(2022, 1, 10),
            number=f"{street.upper()}ZF-{name}",
            issuer="测试区人民政府",
            issued_on=datetime.date(2022, 1, 10),
            expires_on=datetime.date(2028, 1, 9),
        )
        for name in names
    ]


def _enforcement_case(world, street):
    from fazhi.enforcement import services

    cards = _officers(world, street, f"{street}执法甲", f"{street}执法乙")
    return services.file_case(
        world.writer(street),
        org=world.orgs[f"{street}-zf"],
        filed_on=TODAY,
        procedure="ordinary",
        source="patrol",
        field="city",
        object_kind="shop",
        summary=f"{street}街道店铺跨门营业",
        officers=[card.officer for card in cards],
        parties=[services.PartyData(name="赵六", id_number=PERSONAL[street][0], phone=PERSONAL[street][1])],
    )


def _demand(world, street):
    from fazhi.petitions import services

    return services.register_demand(
        world.writer(street),
        org=world.orgs[street],
        channel="hotline",
        external_number=f"{street}-GD-0001",
        received_on=TODAY,
        content=f"{street}街道路灯损坏",
    )


def _council(world, street):
    from fazhi.petitions import services

    return services.record_council(
        world.writer(street),
        org=world.orgs[street],
        held_on=TODAY,
        topics_raised=2,
        topics_resolved=1,
        topics=f"{street}街道停车位规划",
    )


def _study_session(world, street):
    from fazhi.learning import services

    return services.record_session(
        world.writer(street),
        org=world.orgs[street],
        held_on=TODAY,
        kind="pre_meeting",
        title=f"{street}街道党工委会议会前学法",
        audience="leaders",
        attendance=12,
    )


def _pufa_event(world, street):
    from fazhi.learning import services

    return services.record_event(
        world.writer(street),
        org=world.orgs[street],
        held_on=TODAY,
        kind="month",
        title=f"{street}街道民法典宣传月",
    )


def _legal_service(world, street):
    from fazhi.learning import services

    return services.record_service(
        world.writer(street),
        org=world.orgs[f"{street}-yz"],
        served_on=TODAY,
        kind="consultation",
        count=5,
        summary=f"{street}街道驿站法律咨询",
    )


def _leadership_act(world, street):
    from fazhi.learning import services

    return services.record_act(
        world.writer(street),
        org=world.orgs[street],
        held_on=TODAY,
        kind="law_meeting",
        leader="党工委书记",
        title=f"{street}街道党工委会议专题研究法治建设",
    )


def _legal_literate(world, street):
    from fazhi.learning import services

    return services.appoint_literate(
        world.writer(street),
        org=world.orgs[f"{street}-sq"],
        name=f"{street}街道法律明白人张明",
        appointed_on=TODAY,
    )


def _exam_round(world, street):
    from fazhi.learning import services

    return services.record_exam(
        world.writer(street),
        org=world.orgs[street],
        held_on=TODAY,
        title=f"{street}街道学法考试",
        enrolled=50,
        sat=48,
        excellent=40,
    )


def _community_adviser(world, street):
    from fazhi.learning import services

    # the street's personal phone: the matrix checks that no page or answer shows it whole
    return services.assign_adviser(
        world.writer(street),
        org=world.orgs[f"{street}-sq"],
        lawyer=f"{street}街道顾问律师",
        law_firm=f"{street}律师事务所",
        phone=PERSONAL[street][1],
        term_start=TODAY,
    )


def _model_community(world, street):
    from fazhi.learning import services

    return services.record_honour(
        world.writer(street),
        org=world.orgs[f"{street}-sq"],
        level="city",
        title=f"{street}街道市级民主法治示范社区",
        awarded_on=TODAY,
    )


def _certificate(world, street):
    return _officers(world, street, f"{street}执法丙")[0]


def _disclosure_request(world, street):
    from fazhi.disclosure import services

    return services.register(
        world.writer(street),
        org=world.orgs[street],
        channel="in_person",
        submitted_on=TODAY,
        received_on=TODAY,
        applicant_kind="person",
        content=f"{street}街道申请公开征收补偿方案",
        parties=[services.PartyData(name="赵六", id_number=PERSONAL[street][0], phone=PERSONAL[street][1])],
    )


def _disclosure_posting(world, street):
    from fazhi.disclosure import proactive

    return proactive.register(
        world.writer(street),
        org=world.orgs[street],
        kind="normative",
        title=f"{street}街道规范性文件",
        formed_on=TODAY,
    )


def _kit_notice(world, street):
    # the test ledger (tests/kit_ledger): the matrix covers it like any ledger
    from tests.kit_ledger import services

    return services.register(
        world.writer(street), org=world.orgs[street], title=f"{street}街道占道经营整改", issued_on=TODAY
    )


LEDGER_FACTORIES = {
    "disputes.Dispute": _dispute,
    "enforcement.EnforcementCase": _enforcement_case,
    "enforcement.Certificate": _certificate,
    "legal.ReviewItem": _review_item,
    "litigation.Case": _case,
    "oversight.Suggestion": _suggestion,
    "oversight.Reminder": _reminder,
    "petitions.Petition": _petition,
    "petitions.CitizenDemand": _demand,
    "petitions.ResidentCouncil": _council,
    "learning.StudySession": _study_session,
    "learning.PufaEvent": _pufa_event,
    "learning.ServiceRecord": _legal_service,
    "learning.LeadershipAct": _leadership_act,
    "learning.LegalLiterate": _legal_literate,
    "learning.ExamRound": _exam_round,
    "learning.AdviserAssignment": _community_adviser,
    "learning.ModelCommunity": _model_community,
    "disclosure.DisclosureRequest": _disclosure_request,
    "disclosure.Posting": _disclosure_posting,
    "kit.Notice": _kit_notice,
}


def marker(record) -> str:
    """What shows a record in an answer: its number; an activity record (no number) by its title, name,
    summary or lawyer (a community's adviser)."""
    names = ("number", "title", "name", "summary", "lawyer")
    return next(value for name in names if (value := getattr(record, name, "")))


# --- org-scoped objects that are not ledgers but are served by the API, keyed by router basename ------


def _meeting(world, street):
    from fazhi.litigation import services

    return services.record_meeting(
        world.writer(street),
        org=world.orgs[street],
        held_on=TODAY,
        attendees="主任、法律顾问",
        conclusions=f"{street}街道分析会结论",
        cases=[world.records[street]["litigation.Case"]],
    )


def _report(world, street):
    from fazhi.reports import services

    report = services.create_report(world.writer(street), world.orgs[street], TODAY.year - 1)
    return services.draft(world.writer(street), report)


def _concluded_case(world, street):
    # Only a concluded case can be appealed: the appeal route is aimed at this one.
    from fazhi.litigation import services

    case = _case(world, street)
    return services.conclude(world.writer(street), case, case.version, outcome="lost", concluded_on=TODAY)


def _special_action(world, street, name="百日攻坚"):
    """A 专项行动 of the street's team (names are unique within a team: the inspection's has its own)."""
    from fazhi.enforcement import services

    return services.record_special_action(
        world.writer(street),
        org=world.orgs[f"{street}-zf"],
        name=f"{street}街道{name}",
        kind="campaign",
        starts_on=TODAY,
    )


def _inspection(world, street):
    from fazhi.enforcement import services

    return services.record_inspection(
        world.writer(street),
        org=world.orgs[f"{street}-zf"],
        held_on=TODAY,
        action="special",
        special_action=_special_action(world, street),
        field="dust",
        object_kind="vehicle",
        objects_checked=120,
    )


def _measured_suggestion(world, street):
    """A suggestion with one rectification measure pending (the fuzz names the measure by its key)."""
    from fazhi.oversight import services

    item = _suggestion(world, street)
    return services.add_measure(
        world.writer(street), item, item.version, problem="执法程序不规范", action="修订执法流程",
        owner=f"{street}街道综合执法队", due_on=TODAY,
    )  # fmt: skip


def _replied_disclosure(world, street):
    """A disclosure request answered: its letter pages (Word, PDF, making the PDF) apply only then."""
    from fazhi.disclosure import services

    request = _disclosure_request(world, street)
    return services.reply(world.writer(street), request, request.version, replied_on=TODAY, outcome="public")


OTHER_FACTORIES = {
    "litigation-meeting": _meeting,
    "report": _report,
    "enforcement-inspection": _inspection,
    "enforcement-special-action": lambda world, street: _special_action(world, street, "扬尘专项整治"),
}
# Objects in a later state, for routes that only apply there: name → factory.
STATE_FACTORIES = {
    "concluded-case": _concluded_case,
    "measured-suggestion": _measured_suggestion,
    "replied-disclosure": _replied_disclosure,
}


def missing_ledger_factories() -> list[str]:
    return [_label(m) for m in ledger_models() if _label(m) not in LEDGER_FACTORIES]


@dataclass
class World:
    orgs: dict
    people: dict = field(default_factory=dict)  # role code → user in 街道 a (or the district)
    records: dict = field(default_factory=dict)  # street → {model label: record}
    others: dict = field(default_factory=dict)  # street → {basename: object}
    states: dict = field(default_factory=dict)  # street → {STATE_FACTORIES name: object}
    attachments: dict = field(default_factory=dict)  # street → Attachment on the street's dispute
    _writers: dict = field(default_factory=dict)

    def writer(self, street):
        """An 党政办 person of the street: writes every ledger of the street's whole subtree."""
        if street not in self._writers:
            user = get_user_model().objects.create_user(username=f"writer_{street}", password=PASSWORD)
            RoleAssignment.objects.create(user=user, org=self.orgs[street], role="office")
            RoleAssignment.objects.create(user=user, org=self.orgs[f"{street}-tw"], role="handler")
            self._writers[street] = user
        return self._writers[street]

    def record(self, street, model):
        return self.records[street][_label(model)]

    def numbers(self, street) -> list[str]:
        return [marker(r) for r in self.records[street].values()]


ROLE_ORGS = {
    # role → org code it is held at
    "handler": "a-tw",
    "legal": "a-sfs",
    "enforcement": "a-zf",
    "petition": "a",
    "office": "a",
    "leader": "a",
    "district_reviewer": "district",
    "sys_admin": "district",
    "sec_admin": "district",
    "audit_admin": "district",
}


def build_tree() -> dict:
    district = make_org("district", Kind.DISTRICT, name="测试区", short="测区")
    orgs = {"district": district}
    for code, name in (("a", "甲街道"), ("b", "乙街道")):
        street = orgs[code] = make_org(code, Kind.STREET, district, name, name[0])
        orgs[f"{code}-tw"] = make_org(
            f"{code}-tw", Kind.STREET_COMMITTEE, street, f"{name}调委会", f"{name[0]}街"
        )
        orgs[f"{code}-sfs"] = make_org(
            f"{code}-sfs", Kind.JUSTICE_OFFICE, street, f"{name}司法所", f"{name[0]}司"
        )
        orgs[f"{code}-zf"] = make_org(
            f"{code}-zf", Kind.ENFORCEMENT_TEAM, street, f"{name}综合执法队", f"{name[0]}执"
        )
        orgs[f"{code}-yz"] = make_org(
            f"{code}-yz", Kind.LEGAL_STATION, street, f"{name}公共法律服务驿站", f"{name[0]}驿"
        )
        orgs[f"{code}-sq"] = make_org(f"{code}-sq", Kind.COMMUNITY, street, f"{name}一社区", f"{name[0]}一")
    return orgs


def build_world() -> World:
    from fazhi.ledger.attachments import attach

    missing = missing_ledger_factories()
    assert not missing, (
        f"台账模型 {missing} 没有造数函数：请在 tests/robustness/conftest.py 的 LEDGER_FACTORIES 里补上，"
        "访问矩阵测试才能覆盖它。"
    )
    world = World(orgs=build_tree())
    for street in ("a", "b"):
        world.records[street] = {
            _label(m): LEDGER_FACTORIES[_label(m)](world, street) for m in ledger_models()
        }
        world.others[street] = {name: make(world, street) for name, make in OTHER_FACTORIES.items()}
        world.states[street] = {name: make(world, street) for name, make in STATE_FACTORIES.items()}
        upload = SimpleUploadedFile(f"{street}.pdf", b"%PDF-1.4\n% test\n", content_type="application/pdf")
        world.attachments[street] = attach(
            world.writer(street), world.records[street]["disputes.Dispute"], upload, "协议书扫描件"
        )
    User = get_user_model()
    for role in ROLES:
        user = User.objects.create_user(username=f"{role}_a", password=PASSWORD)
        RoleAssignment.objects.create(user=user, org=world.orgs[ROLE_ORGS[role]], role=role)
        world.people[role] = user
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


def sign_in(client, user) -> None:
    from fazhi.accounts.testing import login_with_second_factor

    login_with_second_factor(client, user)
