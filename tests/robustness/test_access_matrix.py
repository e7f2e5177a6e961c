"""Every API route × every role × an object of the other 街道: nothing is read, written or exported across
the boundary; the 区级审阅 reads everything and writes nothing. Then the same for every web page.

Routes are discovered from the router and the URL resolver at collection time. A route whose object or
payload this module does not know fails test_every_route_is_known, naming the route: add it to the tables.
"""

import io
import zipfile

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from fazhi.api.routes import all_web_paths, router_routes
from fazhi.ledger.registry import ledger_models
from fazhi.orgs.roles import ROLES
from tests.robustness.conftest import OTHER_FACTORIES, PERSONAL, TODAY, marker, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _worker_running():
    """/healthz is in the sweep: it answers 200 only with a worker's recent heartbeat (fazhi.jobs)."""
    from fazhi.jobs import progress

    progress.beat()


REVIEWER = "district_reviewer"
DAY = TODAY.isoformat()
DENIED = (403, 404)
# A GET on a POST-only page answers 405 before looking at the object: still nothing shown.
GET_DENIED = (403, 404, 405)

# --- what the matrix knows about each route --------------------------------------------------------

# Routes that carry no organisation's data: they are still called by every role (no 5xx), but there is
# no "other 街道" object to aim at. Reason in Chinese, shown when the table is printed.
NOT_ORG_SCOPED = {
    "figure.catalogue": "指标目录，不含任何单位的数据",
    "report-analysis.create": "分析上传的文件，不读写任何单位的数据",
    # A notification belongs to a person, not to a unit: anyone else's is 404 (tests/notices/test_notices.py).
    "notification.list": "本人的通知，只列接收人本人的",
    "notification.retrieve": "本人的一条通知，他人一律 404",
    "notification.unread_count": "本人的未读通知数",
    "notification.read": "把本人的通知标为已读，他人的一律 404",
    "notification.read_all": "把本人的全部通知标为已读",
}

# Routes that take an org code in the query string instead of a pk: aimed at 街道 b by ?org=b.
ORG_QUERY_ROUTES = {"figure.list", "figure.export"}

# Write actions whose request body must be valid for the permission check (not the validation) to be
# what refuses the 区级审阅, who can see the object. fn(world, obj) → body.
PAYLOADS = {
    "dispute.partial_update": lambda w, o: {"version": o.version, "summary": "越权修改"},
    "dispute.update": lambda w, o: {"version": o.version, "summary": "越权修改"},
    "dispute.conclude": lambda w, o: {
        "version": o.version,
        "outcome": "success",
        "concluded_on": DAY,
        "agreement_text": "双方达成协议",
        "performance_method": "当场履行",
    },
    "dispute.confirmation": lambda w, o: {"version": o.version, "applied_on": DAY, "court": "测试区人民法院"},
    "dispute.dispatch_action": lambda w, o: {"version": o.version, "to_org": "b-sfs", "note": "越权分派"},
    "dispute.accept": lambda w, o: {"version": o.version},
    "dispute.return_action": lambda w, o: {"version": o.version, "reason": "越权退回"},
    "dispute.reveal": lambda w, o: {},
    "dispute.sessions": lambda w, o: {
        "version": o.version,
        "held_on": DAY,
        "place": "调解室",
        "mediators": "某调解员",
        "notes": "越权登记",
    },
    "dispute.visit": lambda w, o: {"version": o.version, "visited_on": DAY, "satisfaction": "satisfied"},
    "dispute.withdraw": lambda w, o: {"version": o.version, "concluded_on": DAY, "reason": "越权撤回"},
    "legal-review.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "legal-review.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "legal-review.assign": lambda w, o: {"version": o.version, "reviewer_org": "b-sfs"},
    "legal-review.conclude": lambda w, o: {
        "version": o.version,
        "opinion": "lawful",
        "opinion_text": "越权意见",
        "opinion_on": DAY,
    },
    "legal-review.filing": lambda w, o: {"version": o.version, "filed_on": DAY},
    "legal-review.resubmit": lambda w, o: {"version": o.version, "submitted_on": DAY, "materials": "越权"},
    "legal-review.return_action": lambda w, o: {
        "version": o.version,
        "opinion_text": "越权退回",
        "opinion_on": DAY,
    },
    "legal-review.withdraw": lambda w, o: {"version": o.version, "reason": "越权撤回"},
    "litigation-case.partial_update": lambda w, o: {"version": o.version, "court": "越权法院"},
    "litigation-case.update": lambda w, o: {"version": o.version, "court": "越权法院"},
    "litigation-case.appeal": lambda w, o: {
        "stage": "appeal",
        "court": "市中级人民法院",
        "copy_received_on": DAY,
    },
    "litigation-case.conclude": lambda w, o: {"version": o.version, "outcome": "upheld", "concluded_on": DAY},
    "litigation-case.documents": lambda w, o: {"version": o.version, "kind": "judgement", "received_on": DAY},
    "litigation-case.hearings": lambda w, o: {"version": o.version, "held_on": DAY},
    "litigation-case.reply": lambda w, o: {"version": o.version, "replied_on": DAY},
    "litigation-case.reveal": lambda w, o: {},
    "suggestion.partial_update": lambda w, o: {"version": o.version, "issuer": "越权修改"},
    "suggestion.update": lambda w, o: {"version": o.version, "issuer": "越权修改"},
    "suggestion.reply": lambda w, o: {"version": o.version, "replied_on": DAY, "reply_text": "越权回复"},
    "suggestion.assign": lambda w, o: {"version": o.version, "unit": "b", "part": "越权", "assigned_on": DAY},
    "suggestion.contact": lambda w, o: {"version": o.version, "on": DAY, "mode": "meeting", "note": "越权"},
    "suggestion.draft": lambda w, o: {"version": o.version, "drafted_on": DAY, "reply_text": "越权"},
    "suggestion.approve": lambda w, o: {"version": o.version, "approved_on": DAY, "approved_by": "越权"},
    "suggestion.satisfaction": lambda w, o: {
        "version": o.version,
        "satisfaction": "basic",
        "satisfaction_on": DAY,
    },
    "suggestion.measure": lambda w, o: {
        "version": o.version,
        "problem": "越权",
        "action": "越权",
        "owner": "越权",
        "due_on": DAY,
    },
    "suggestion.measure_update": lambda w, o: {
        "version": o.version,
        "measure": 1,
        "status": "done",
        "done_on": DAY,
    },
    "suggestion.close": lambda w, o: {"version": o.version, "closed_on": DAY},
    "reminder.follow_up": lambda w, o: {"version": o.version, "followed_on": DAY, "follow_up": "越权反馈"},
    "petition.partial_update": lambda w, o: {"version": o.version, "matter": "越权修改"},
    "petition.update": lambda w, o: {"version": o.version, "matter": "越权修改"},
    "petition.acceptance": lambda w, o: {"version": o.version, "decision": "accept", "decided_on": DAY},
    "petition.extend": lambda w, o: {
        "version": o.version,
        "days": 10,
        "reason": "越权延期",
        "approved_by": "某主任",
        "told_on": DAY,
    },
    "petition.opinion": lambda w, o: {
        "version": o.version,
        "opinion_on": DAY,
        "result": "support",
        "text": "越权",
    },
    "petition.review_request": lambda w, o: {"version": o.version, "requested_on": DAY},
    "petition.review": lambda w, o: {"version": o.version, "reviewed_on": DAY, "result": "uphold"},
    "petition.reexamination_request": lambda w, o: {"version": o.version, "requested_on": DAY},
    "petition.hearing": lambda w, o: {"version": o.version, "hearing_from": DAY, "hearing_to": DAY},
    "petition.reexamination": lambda w, o: {"version": o.version, "reexamined_on": DAY, "result": "uphold"},
    "petition.evaluation": lambda w, o: {
        "version": o.version,
        "evaluated_on": DAY,
        "satisfaction": "satisfied",
    },
    "petition.to_dispute": lambda w, o: {"version": o.version, "org": "b-tw", "dispute_type": "邻里"},
    "petition.reveal": lambda w, o: {},
    "citizen-demand.partial_update": lambda w, o: {"version": o.version, "content": "越权修改"},
    "citizen-demand.update": lambda w, o: {"version": o.version, "content": "越权修改"},
    "citizen-demand.handle": lambda w, o: {
        "version": o.version,
        "handled_on": DAY,
        "reply": "越权办结",
        "resolved": True,
    },
    "resident-council.partial_update": lambda w, o: {"version": o.version, "topics": "越权修改"},
    "resident-council.update": lambda w, o: {"version": o.version, "topics": "越权修改"},
    "study-session.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "study-session.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "pufa-event.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "pufa-event.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "pufa-event.materials": lambda w, o: {
        "version": o.version,
        "kind": "leaflet",
        "unit": "份",
        "quantity": 10,
    },
    "legal-service.partial_update": lambda w, o: {"version": o.version, "summary": "越权修改"},
    "legal-service.update": lambda w, o: {"version": o.version, "summary": "越权修改"},
    "leadership-act.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "leadership-act.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "legal-literate.partial_update": lambda w, o: {"version": o.version, "name": "越权修改"},
    "legal-literate.update": lambda w, o: {"version": o.version, "name": "越权修改"},
    "exam-round.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "exam-round.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "community-adviser.partial_update": lambda w, o: {"version": o.version, "rota": "越权修改"},
    "community-adviser.update": lambda w, o: {"version": o.version, "rota": "越权修改"},
    "model-community.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "model-community.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "enforcement-case.partial_update": lambda w, o: {"version": o.version, "summary": "越权修改"},
    "enforcement-case.update": lambda w, o: {"version": o.version, "summary": "越权修改"},
    "enforcement-case.investigate": lambda w, o: {
        "version": o.version,
        "investigated_on": DAY,
        "evidence": "越权",
    },
    "enforcement-case.notify": lambda w, o: {"version": o.version, "notified_on": DAY},
    "enforcement-case.hearing": lambda w, o: {
        "version": o.version,
        "requested_on": DAY,
        "notice_on": DAY,
        "hearing_on": DAY,
    },
    "enforcement-case.legal_review": lambda w, o: {"version": o.version, "legal_review_required": True},
    "enforcement-case.decide": lambda w, o: {
        "version": o.version,
        "decision_on": DAY,
        "penalty_kind": "warning",
    },
    "enforcement-case.serve": lambda w, o: {"version": o.version, "served_on": DAY},
    "enforcement-case.publish": lambda w, o: {"version": o.version, "published_on": DAY},
    "enforcement-case.execute": lambda w, o: {"version": o.version, "executed_on": DAY},
    "enforcement-case.close": lambda w, o: {"version": o.version, "closed_on": DAY},
    "enforcement-case.no_penalty": lambda w, o: {"version": o.version, "on": DAY, "reason": "越权"},
    "enforcement-case.revoke": lambda w, o: {"version": o.version, "on": DAY, "reason": "越权"},
    "enforcement-case.file_review": lambda w, o: {
        "version": o.version,
        "reviewed_on": DAY,
        "reviewer": "越权",
        "score": 90,
    },
    "enforcement-case.reveal": lambda w, o: {},
    "enforcement-inspection.partial_update": lambda w, o: {"version": o.version, "note": "越权修改"},
    "enforcement-inspection.update": lambda w, o: {"version": o.version, "note": "越权修改"},
    "enforcement-special-action.partial_update": lambda w, o: {"version": o.version, "goal": "越权修改"},
    "enforcement-special-action.update": lambda w, o: {"version": o.version, "goal": "越权修改"},
    "enforcement-certificate.partial_update": lambda w, o: {"version": o.version, "issuer": "越权修改"},
    "enforcement-certificate.update": lambda w, o: {"version": o.version, "issuer": "越权修改"},
    "enforcement-certificate.cancel": lambda w, o: {"version": o.version, "on": DAY},
    "enforcement-certificate.lost": lambda w, o: {"version": o.version, "on": DAY},
    "enforcement-certificate.transfer": lambda w, o: {"version": o.version, "on": DAY},
    "enforcement-certificate.training": lambda w, o: {
        "version": o.version,
        "year": TODAY.year,
        "training_hours": "12",
    },
    "enforcement-certificate.renew": lambda w, o: {
        "version": o.version,
        "number": "越权证号",
        "issuer": "越权",
        "issued_on": DAY,
        "expires_on": "2031-06-02",
    },
    "disclosure-posting.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "disclosure-posting.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "disclosure-posting.publish": lambda w, o: {"version": o.version, "published_on": DAY},
    "disclosure-posting.repeal": lambda w, o: {"version": o.version, "repealed_on": DAY},
    "disclosure.partial_update": lambda w, o: {"version": o.version, "content": "越权修改"},
    "disclosure.update": lambda w, o: {"version": o.version, "content": "越权修改"},
    "disclosure.correction": lambda w, o: {"version": o.version, "requested_on": DAY, "points": "越权告知"},
    "disclosure.corrected": lambda w, o: {"version": o.version, "received_on": DAY},
    "disclosure.consult": lambda w, o: {
        "version": o.version,
        "kind": "third_party",
        "addressee": "越权征求",
        "sent_on": DAY,
    },
    "disclosure.opinion": lambda w, o: {"version": o.version, "answered_on": DAY, "opinion": "越权"},
    "disclosure.extend": lambda w, o: {
        "version": o.version,
        "days": 10,
        "approved_by": "越权",
        "approved_on": DAY,
        "notified_on": DAY,
    },
    "disclosure.defer": lambda w, o: {
        "version": o.version,
        "until": "2025-12-31",
        "reason": "越权延迟",
        "notified_on": DAY,
    },
    "disclosure.reply": lambda w, o: {"version": o.version, "replied_on": DAY, "outcome": "public"},
    "disclosure.link_case": lambda w, o: {
        "version": o.version,
        "case": w.records["b"]["litigation.Case"].number,
    },
    "disclosure.reveal": lambda w, o: {},
    "kit-notice.partial_update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "kit-notice.update": lambda w, o: {"version": o.version, "title": "越权修改"},
    "kit-notice.finish": lambda w, o: {"version": o.version, "done_on": DAY, "result": "越权办结"},
    "kit-notice.cancel": lambda w, o: {"version": o.version, "reason": "越权撤销"},
    "report.draft": lambda w, o: {"version": o.version},
    "report.transition": lambda w, o: {"version": o.version, "action": "submit"},
    "report.paragraph": lambda w, o: {"version": _paragraph(o).version, "text": "越权修改的段落"},
}

# Routes that apply only to an object in a later state: aimed at world.states[street][name].
STATE_TARGETS = {"litigation-case.appeal": "concluded-case"}

# Extra URL placeholders beyond {pk}: fn(obj) → {name: value}.
PATH_EXTRAS = {"report.paragraph": lambda o: {"paragraph_id": _paragraph(o).pk}}

# Creating an object inside 街道 b: body naming b's units.
CREATE_PAYLOADS = {
    "dispute": {
        "org": "b-tw",
        "received_on": DAY,
        "dispute_type": "邻里",
        "summary": "越权登记",
        "parties": [{"name": "某甲"}],
    },
    "legal-review": {"org": "b-sfs", "kind": "contract", "title": "越权送审", "submitted_on": DAY},
    "litigation-case": {
        "org": "b",
        "kind": "administrative",
        "court": "测试区人民法院",
        "disputed_act": "越权登记",
        "copy_received_on": DAY,
        "parties": [{"name": "某甲"}],
    },
    "litigation-meeting": {"org": "b", "held_on": DAY, "attendees": "某某", "conclusions": "越权登记"},
    "suggestion": {"org": "b", "kind": "judicial", "issuer": "某法院", "received_on": DAY, "content": "越权"},
    "reminder": {"org": "b", "to_unit": "b-tw", "issued_on": DAY, "matter": "越权"},
    "report": {"org": "b", "year": TODAY.year - 2},
    "petition": {
        "org": "b",
        "received_on": DAY,
        "matter": "越权登记",
        "parties": [{"name": "某甲"}],
    },
    "citizen-demand": {"org": "b", "channel": "hotline", "received_on": DAY, "content": "越权登记"},
    "resident-council": {"org": "b", "held_on": DAY, "topics_raised": 1, "topics": "越权登记"},
    "study-session": {
        "org": "b",
        "held_on": DAY,
        "kind": "pre_meeting",
        "title": "越权登记",
        "audience": "leaders",
        "attendance": 5,
    },
    "pufa-event": {"org": "b", "held_on": DAY, "kind": "lecture", "title": "越权登记"},
    "legal-service": {"org": "b-yz", "served_on": DAY, "kind": "consultation", "count": 1},
    "leadership-act": {
        "org": "b",
        "held_on": DAY,
        "kind": "law_meeting",
        "leader": "某某",
        "title": "越权登记",
    },
    "legal-literate": {"org": "b-sq", "name": "越权登记", "appointed_on": DAY},
    "exam-round": {"org": "b", "held_on": DAY, "title": "越权登记", "enrolled": 10, "sat": 9},
    "community-adviser": {"org": "b-sq", "lawyer": "越权登记", "law_firm": "越权", "term_start": DAY},
    "model-community": {"org": "b-sq", "level": "city", "title": "越权登记", "awarded_on": DAY},
    "enforcement-certificate": {
        "org": "b-zf",
        "name": "越权",
        "joined_on": DAY,
        "number": "越权新证",
        "issuer": "越权",
        "issued_on": DAY,
        "expires_on": "2031-06-02",
    },
    "enforcement-special-action": {"org": "b-zf", "name": "越权登记", "starts_on": DAY},
    "enforcement-inspection": {
        "org": "b-zf",
        "held_on": DAY,
        "action": "routine",
        "field": "dust",
        "object_kind": "site",
        "objects_checked": 3,
    },
    "enforcement-case": {
        "org": "b-zf",
        "filed_on": DAY,
        "summary": "越权立案",
        "officers": [],
        "parties": [{"name": "某甲"}],
    },
    "disclosure": {
        "org": "b",
        "channel": "in_person",
        "submitted_on": DAY,
        "received_on": DAY,
        "applicant_kind": "person",
        "content": "越权登记",
        "parties": [{"name": "某甲"}],
    },
    "disclosure-posting": {"org": "b", "kind": "news", "title": "越权登记", "formed_on": DAY},
    "kit-notice": {"org": "b", "title": "越权登记", "issued_on": DAY},
}


def _paragraph(report):
    from fazhi.reports.models import Paragraph

    return Paragraph.objects.filter(section__report=report).order_by("pk").first()


def _model_of(viewset):
    serializer = getattr(viewset, "serializer_class", None)
    meta = getattr(serializer, "Meta", None)
    return getattr(meta, "model", None)


def _is_ledger_route(route) -> bool:
    return _model_of(route.viewset) in ledger_models()


def _name(route) -> str:
    return f"{route.basename}.{route.action}"


def _unknown(route) -> str | None:
    """Why the matrix cannot test this route, or None."""
    name = _name(route)
    if name in NOT_ORG_SCOPED or name in ORG_QUERY_ROUTES:
        return None
    if not (_is_ledger_route(route) or route.basename in OTHER_FACTORIES):
        return f"{route.key}：不知道它属于哪个单位的对象（请在 tests/robustness/conftest.py 的 OTHER_FACTORIES 里补上）"
    if route.action == "create" and route.basename not in CREATE_PAYLOADS:
        return f"{route.key}：缺少在乙街道新建对象的请求体（CREATE_PAYLOADS）"
    if route.detail and route.writes and name not in PAYLOADS:
        return f"{route.key}：缺少写操作的请求体（PAYLOADS）"
    if set(route.pattern.replace("{pk}", "").split("{")[1:]) and name not in PATH_EXTRAS:
        return f"{route.key}：路径里有 {{pk}} 以外的参数，缺少 PATH_EXTRAS"
    return None


ROUTES = router_routes()


def test_every_route_is_known():
    unknown = [reason for route in ROUTES if (reason := _unknown(route))]
    assert not unknown, "访问矩阵不认识这些接口：\n" + "\n".join(unknown)
    assert ROUTES, "没有发现任何 API 路由"


def test_tables_name_only_existing_routes():
    names = {_name(r) for r in ROUTES}
    tables = set(PAYLOADS) | NOT_ORG_SCOPED.keys() | ORG_QUERY_ROUTES | set(PATH_EXTRAS) | set(STATE_TARGETS)
    stale = sorted(tables - names)
    assert not stale, f"表中这些接口已不存在，请删除：{stale}"


# --- helpers ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clients(world, django_db_blocker):
    """role → a client signed in as that role's person, for the whole module: signed in once inside the
    world's transaction (a session begun inside a test would vanish with the test's savepoint), where
    signing in for each route and role cost a fifth of the module's time."""
    with django_db_blocker.unblock():
        signed_in = {}
        for role in ROLES:
            signed_in[role] = Client()
            sign_in(signed_in[role], world.people[role])
        return signed_in


def _client(clients, role) -> Client:
    client = clients[role]
    # Every answer below must come from the person, not from a session lost or expired on the way (which
    # would answer every request "please sign in" and let every refusal check pass).
    assert client.session.get(SESSION_KEY), f"角色 {role} 的登录会话已丢失或过期"
    return client


def _text(response) -> str:
    """The body as text; Excel and Word files are unzipped so a record number inside is found too."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".xml"))
    return content.decode("utf-8", errors="replace")


def _markers(world, street="b") -> list[str]:
    """Strings that appear only in 街道 b's data: record numbers and the texts of the other objects."""
    markers = world.numbers(street)
    for obj in world.others[street].values():
        markers.append(getattr(obj, "conclusions", None) or getattr(obj, "title", None) or str(obj))
    markers += [obj.number for obj in world.states[street].values()]
    return markers


def _leaks(world, response, street="b") -> list[str]:
    text = _text(response)
    return [m for m in _markers(world, street) if m in text]


def _personal_leaks(response, query=None, street="b") -> list[str]:
    """b's unmasked ID number or phone: no person of the world may see them (none holds a role that sees
    personal data over b, not even the 区级审阅, who reads b's records masked). A value the person typed
    into the query may be echoed back (in the filter form); the other one must not appear."""
    text = _text(response)
    typed = set((query or {}).values())
    return [value for value in PERSONAL[street] if value in text and value not in typed]


def _target(world, route, street="b"):
    if _name(route) in STATE_TARGETS:
        return world.states[street][STATE_TARGETS[_name(route)]]
    model = _model_of(route.viewset)
    if model in ledger_models():
        return world.record(street, model)
    return world.others[street][route.basename]


def _send(client, method, url, body=None):
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, data=body or {}, content_type="application/json")


def _fresh_version(obj):
    return type(obj).objects.get(pk=obj.pk).version


def _count_in_b(world, route):
    from fazhi.orgs.models import Organisation

    model = _model_of(route.viewset)
    if model is None or route.basename in OTHER_FACTORIES:
        model = type(world.others["b"][route.basename])
    subtree = Organisation.objects.subtree_of([world.orgs["b"]])
    return model.objects.filter(org__in=subtree).count()


# --- the API matrix ----------------------------------------------------------------------------------


def _check_api(world, clients, route, role) -> list[str]:
    name = _name(route)
    client = _client(clients, role)
    reviewer = role == REVIEWER
    problems = []

    def fail(response, why):
        problems.append(f"{route.key} 角色 {role}：{why}（HTTP {response.status_code}）")

    if name in NOT_ORG_SCOPED:
        response = _send(client, route.method, route.pattern, {})
        if response.status_code >= 500:
            fail(response, "服务器错误")
        return problems

    if name in ORG_QUERY_ROUTES:
        response = client.get(route.pattern, {"org": "b"})
        if not reviewer and response.status_code not in DENIED:
            fail(response, "能读到乙街道的数据")
        if reviewer and response.status_code != 200:
            fail(response, "区级审阅读不到乙街道的数据")
        return problems

    if route.action == "create":
        before = _count_in_b(world, route)
        response = _send(client, "post", route.pattern, CREATE_PAYLOADS[route.basename])
        if response.status_code < 400 or response.status_code >= 500:
            fail(response, "能在乙街道新建对象（或服务器错误）")
        if _count_in_b(world, route) != before:
            fail(response, "乙街道多了一条记录")
        return problems

    if not route.detail:  # a list, plain and aimed at b through the filter
        id_b, phone_b = PERSONAL["b"]
        for query in ({}, {"org": "b"}, {"org": "b-tw"}, {"contact": id_b}, {"phone": phone_b}):
            response = client.get(route.pattern, query)
            if response.status_code >= 500:
                fail(response, f"服务器错误（参数 {query}）")
            leaked = _leaks(world, response)
            if not reviewer and leaked:
                fail(response, f"列表（参数 {query}）含乙街道的 {leaked}")
            if personal := _personal_leaks(response, query):
                fail(response, f"列表（参数 {query}）含乙街道当事人完整的 {personal}")
        if reviewer:
            target = _target(world, route)
            marker = getattr(target, "number", None)
            if marker and marker not in _text(client.get(route.pattern)):
                fail(response, f"区级审阅在列表里看不到乙街道的 {marker}")
        return problems

    target = _target(world, route)
    url = route.url(pk=target.pk, **PATH_EXTRAS.get(name, lambda o: {})(target))
    if not route.writes:
        response = _send(client, route.method, url)
        if not reviewer and response.status_code not in DENIED:
            fail(response, "能读到乙街道的对象")
        if not reviewer and _leaks(world, response):
            fail(response, f"响应含乙街道的 {_leaks(world, response)}")
        if personal := _personal_leaks(response):
            fail(response, f"响应含乙街道当事人完整的 {personal}")
        if reviewer and route.action == "retrieve" and response.status_code != 200:
            fail(response, "区级审阅读不到乙街道的对象")
        if response.status_code >= 500:
            fail(response, "服务器错误")
        return problems

    version = _fresh_version(target)
    response = _send(client, route.method, url, PAYLOADS[name](world, target))
    if response.status_code not in DENIED:
        detail = response.content.decode(errors="replace")[:300]
        fail(response, f"写操作没有被拒绝：{detail}")
    if _fresh_version(target) != version:
        fail(response, "乙街道的对象被改动了")
    if not reviewer and _leaks(world, response):
        fail(response, f"错误响应含乙街道的 {_leaks(world, response)}")
    return problems


API_CASES = [r for r in ROUTES if not _unknown(r)]


@pytest.mark.parametrize("route", API_CASES, ids=[f"{r.method}:{r.basename}.{r.action}" for r in API_CASES])
def test_api_route_keeps_to_its_street(world, clients, route):
    problems = []
    for role in ROLES:
        problems += _check_api(world, clients, route, role)
    assert not problems, "\n".join(problems)


def test_matrix_catches_a_leak(world, clients):
    """The checks above can fail: a's own record is found in a's list, and the reviewer may read b's."""
    client = _client(clients, "handler")
    response = client.get(reverse("api:dispute-list"))
    assert _leaks(world, response, street="a"), "甲街道的纠纷应出现在甲街道人员的列表中"
    route = next(r for r in ROUTES if _name(r) == "dispute.retrieve")
    assert _check_api(world, clients, route, REVIEWER) == []


# --- the web pages -----------------------------------------------------------------------------------

# Pages with a {pk} (and maybe other parts): which of b's objects the pk is, and the other placeholders.
# fn(world, obj) → list of kwargs dicts (one page per dict).
WEB_TARGETS = {
    "disputes:detail": ("disputes.Dispute", None),
    "disputes:reveal": ("disputes.Dispute", None),
    "disputes:detail_print": ("disputes.Dispute", None),
    "disputes:detail_document_docx": ("disputes.Dispute", {"code": "acceptance_notice"}),
    "disputes:detail_document_pdf": ("disputes.Dispute", {"code": "acceptance_notice"}),
    "disputes:action": ("disputes.Dispute", "fazhi.disputes.views.ACTIONS"),
    "legal:detail": ("legal.ReviewItem", None),
    "legal:letter": ("legal.ReviewItem", {"seq": 1}),
    "legal:detail_print": ("legal.ReviewItem", None),
    "legal:detail_document_docx": ("legal.ReviewItem", {"code": "opinion_letter"}),
    "legal:detail_document_pdf": ("legal.ReviewItem", {"code": "opinion_letter"}),
    "legal:action": ("legal.ReviewItem", "fazhi.legal.views.ACTIONS"),
    "litigation:detail": ("litigation.Case", None),
    "litigation:reveal": ("litigation.Case", None),
    "litigation:detail_print": ("litigation.Case", None),
    "litigation:detail_document_docx": ("litigation.Case", {"code": "power_of_attorney"}),
    "litigation:detail_document_pdf": ("litigation.Case", {"code": "appearance_report"}),
    "litigation:action": ("litigation.Case", "fazhi.litigation.views.CASE_ACTIONS"),
    "oversight:detail": ("oversight.Suggestion", None),
    "oversight:action": ("oversight.Suggestion", "fazhi.oversight.views.SUGGESTION_ACTIONS"),
    "oversight:reminder": ("oversight.Reminder", None),
    "oversight:detail_print": ("oversight.Suggestion", None),
    "oversight:reminder_print": ("oversight.Reminder", None),
    "oversight:reminder_follow_up": ("oversight.Reminder", None),
    "petitions:detail": ("petitions.Petition", None),
    "petitions:reveal": ("petitions.Petition", None),
    "petitions:detail_print": ("petitions.Petition", None),
    "petitions:demands:detail_print": ("petitions.CitizenDemand", None),
    "petitions:councils:detail_print": ("petitions.ResidentCouncil", None),
    "petitions:action": ("petitions.Petition", "fazhi.petitions.views.ACTIONS"),
    "petitions:demands:detail": ("petitions.CitizenDemand", None),
    "petitions:demands:action": ("petitions.CitizenDemand", "fazhi.petitions.views.DEMAND_ACTIONS"),
    "petitions:councils:detail": ("petitions.ResidentCouncil", None),
    "petitions:councils:action": ("petitions.ResidentCouncil", "fazhi.petitions.views.COUNCIL_ACTIONS"),
    "learning:session": ("learning.StudySession", None),
    "learning:session_print": ("learning.StudySession", None),
    "learning:event_print": ("learning.PufaEvent", None),
    "learning:service_print": ("learning.ServiceRecord", None),
    "learning:act_print": ("learning.LeadershipAct", None),
    "learning:literate_print": ("learning.LegalLiterate", None),
    "learning:exam_print": ("learning.ExamRound", None),
    "learning:session_action": ("learning.StudySession", "fazhi.learning.views.SESSION_ACTIONS"),
    "learning:event": ("learning.PufaEvent", None),
    "learning:event_action": ("learning.PufaEvent", "fazhi.learning.views.EVENT_ACTIONS"),
    "learning:service": ("learning.ServiceRecord", None),
    "learning:service_action": ("learning.ServiceRecord", "fazhi.learning.views.SERVICE_ACTIONS"),
    "learning:act": ("learning.LeadershipAct", None),
    "learning:act_action": ("learning.LeadershipAct", "fazhi.learning.views.ACT_ACTIONS"),
    "learning:literate": ("learning.LegalLiterate", None),
    "learning:literate_action": ("learning.LegalLiterate", "fazhi.learning.views.LITERATE_ACTIONS"),
    "learning:exam": ("learning.ExamRound", None),
    "learning:exam_action": ("learning.ExamRound", "fazhi.learning.views.EXAM_ACTIONS"),
    "learning:adviser": ("learning.AdviserAssignment", None),
    "learning:adviser_print": ("learning.AdviserAssignment", None),
    "learning:adviser_action": ("learning.AdviserAssignment", "fazhi.learning.views.ADVISER_ACTIONS"),
    "learning:honour": ("learning.ModelCommunity", None),
    "learning:honour_print": ("learning.ModelCommunity", None),
    "learning:honour_action": ("learning.ModelCommunity", "fazhi.learning.views.HONOUR_ACTIONS"),
    "enforcement:detail": ("enforcement.EnforcementCase", None),
    "enforcement:reveal": ("enforcement.EnforcementCase", None),
    "enforcement:detail_print": ("enforcement.EnforcementCase", None),
    "enforcement:certificate_print": ("enforcement.Certificate", None),
    "enforcement:inspection_print": ("inspection", None),
    "enforcement:action": ("enforcement.EnforcementCase", "fazhi.enforcement.views.ACTIONS"),
    "enforcement:certificate": ("enforcement.Certificate", None),
    "enforcement:certificate_action": (
        "enforcement.Certificate",
        "fazhi.enforcement.views.CERTIFICATE_ACTIONS",
    ),
    "enforcement:inspection": ("inspection", None),
    "enforcement:special_action": ("special_action", None),
    "enforcement:special_action_print": ("special_action", None),
    "enforcement:special_action_action": ("special_action", "fazhi.enforcement.views.SPECIAL_ACTION_ACTIONS"),
    "enforcement:inspection_action": ("inspection", "fazhi.enforcement.views.INSPECTION_ACTIONS"),
    "disclosure:detail": ("disclosure.DisclosureRequest", None),
    "disclosure:reveal": ("disclosure.DisclosureRequest", None),
    "disclosure:detail_print": ("disclosure.DisclosureRequest", None),
    "disclosure:posting_print": ("disclosure.Posting", None),
    "disclosure:action": ("disclosure.DisclosureRequest", "fazhi.disclosure.views.ACTIONS"),
    # the letter exists only once the request is answered: aimed at b's answered request
    "disclosure:letter": ("replied-disclosure", None),
    "disclosure:letter_pdf": ("replied-disclosure", None),
    "disclosure:letter_pdf_make": ("replied-disclosure", None),
    "disclosure:posting": ("disclosure.Posting", None),
    "disclosure:posting_action": ("disclosure.Posting", "fazhi.disclosure.views.POSTING_ACTIONS"),
    "kit:detail": ("kit.Notice", None),
    "kit:detail_print": ("kit.Notice", None),
    "kit:action": ("kit.Notice", "tests.kit_ledger.views.ACTIONS"),
    "reports:edit": ("report", None),
    "reports:meta": ("report", None),
    "reports:draft": ("report", None),
    "reports:action": ("report", {"action": "submit"}),
    "reports:preview": ("report", None),
    "reports:export": ("report", {"fmt": "docx"}),
    "reports:paragraph-save": ("paragraph", None),
    "reports:paragraph-redraft": ("paragraph", None),
    "reports:paragraph-delete": ("paragraph", None),
    "reports:paragraph-add": ("section", None),
    "reports:paragraph-move": ("paragraph", None),
    "reports:section-add": ("report", None),
    "reports:section-rename": ("section", None),
    "reports:section-move": ("section", {"direction": "up"}),
    "reports:section-delete": ("section", None),
    "reports:suggestion-adopt": ("report", {"key": "litigation.lost"}),
    "reports:plan-delete": ("plan_note", None),
    "web:attachment": ("attachment", None),
    "web:attachment_upload": ("disputes.Dispute", "content_type"),
}

# Pages whose path has placeholders but no object of an organisation.
WEB_NOT_ORG_SCOPED = {
    "moved_suggestions": "旧网址 /litigation/suggestions/…，只永久重定向到 /oversight/…，不读任何数据",
    "moved_reminders": "旧网址 /litigation/reminders/…，只永久重定向到 /oversight/reminders/…，不读任何数据",
    "web:calendar_feed": "个人日历订阅：参数是订阅密钥而非对象，答复密钥持有人本人范围内的期限；"
    "未知、已停用或已重新生成的密钥一律 404（tests/web/test_calendar_feed.py）",
    # A job belongs to the person who started it, not to a unit: anyone else gets 404 (tests/jobs).
    "jobs:detail": "本人的后台任务，只有提交人可见，他人一律 404（tests/jobs/test_import_jobs.py）",
    "jobs:status": "本人的后台任务的进度，只有提交人可见",
    "jobs:cancel": "取消本人的后台任务，只有提交人可以",
    "jobs:result": "本人的后台任务的结果文件，只有提交人可以下载",
    "notices:read": "把本人的通知标为已读，他人的一律 404（tests/notices/test_notices.py）",
}
# The same for every ledger's Excel pages: an office's own sheet kept for its column mapping is the
# uploader's alone (the token names a file in their own folder; anyone else gets 404,
# tests/ledger/test_excel_mapping.py), and what it imports goes through the ledger's scoped import.
WEB_NOT_ORG_SCOPED_ENDINGS = ("excel_map", "excel_map_preview")

# Pages on which a role held at the district legitimately sees every 街道 (besides the 区级审阅).
SEES_WHOLE_DISTRICT = {"/audit/": (REVIEWER, "audit_admin")}  # 审计管理员查看全区审计日志是其职责

# Pages without placeholders that must not be fetched by the sweep (they act on GET or are not pages).
WEB_SWEEP_SKIP_PREFIXES = ("/api/", "/admin/", "/accounts/", "/static/", "/media/")


def _web_patterns():
    return [(path, name) for path, name in all_web_paths() if not path.startswith(WEB_SWEEP_SKIP_PREFIXES)]


def test_every_web_page_is_known():
    unknown = [
        f"{path}（{name or '无名称'}）"
        for path, name in _web_patterns()
        if "{" in path
        and name not in WEB_TARGETS
        and name not in WEB_NOT_ORG_SCOPED
        and not (name or "").endswith(WEB_NOT_ORG_SCOPED_ENDINGS)
    ]
    assert not unknown, "访问矩阵不认识这些带参数的页面，请在 WEB_TARGETS 里补上：\n" + "\n".join(unknown)


def _web_object(world, kind):
    if kind == "report":
        return world.others["b"]["report"]
    if kind == "paragraph":
        return _paragraph(world.others["b"]["report"])
    if kind == "section":
        return _paragraph(world.others["b"]["report"]).section
    if kind == "attachment":
        return world.attachments["b"]
    if kind == "plan_note":
        from fazhi.reports.models import PlanNote

        return PlanNote.objects.get_or_create(
            org=world.others["b"]["report"].org, year=2099, text="乙街道打算"
        )[0]
    if kind == "inspection":
        return world.others["b"]["enforcement-inspection"]
    if kind in world.states["b"]:
        return world.states["b"][kind]
    if kind == "special_action":
        return world.others["b"]["enforcement-special-action"]
    return world.records["b"][kind]


def _web_urls(world, name):
    from django.utils.module_loading import import_string

    kind, extra = WEB_TARGETS[name]
    obj = _web_object(world, kind)
    if kind == "attachment":
        return obj, [reverse(name, args=[obj.token])]
    if extra == "content_type":
        from django.contrib.contenttypes.models import ContentType

        content_type_id = ContentType.objects.get_for_model(obj).pk
        return obj, [reverse(name, kwargs={"pk": obj.pk, "content_type_id": content_type_id})]
    if isinstance(extra, str):
        return obj, [reverse(name, kwargs={"pk": obj.pk, "name": action}) for action in import_string(extra)]
    return obj, [reverse(name, kwargs={"pk": obj.pk, **(extra or {})})]


def _web_version(obj):
    return (
        type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first()
        if hasattr(obj, "version")
        else None
    )


@pytest.mark.parametrize("name", sorted(WEB_TARGETS))
def test_web_page_keeps_to_its_street(world, clients, name):
    obj, urls = _web_urls(world, name)
    problems = []
    for role in ROLES:
        client = _client(clients, role)
        reviewer = role == REVIEWER
        for url in urls:
            response = client.get(url)
            if response.status_code >= 500:
                problems.append(f"GET {url} 角色 {role}：服务器错误")
            if not reviewer and (response.status_code not in GET_DENIED or _leaks(world, response)):
                problems.append(
                    f"GET {url} 角色 {role}：HTTP {response.status_code}，应为 403/404 且不含乙街道数据"
                )
            if personal := _personal_leaks(response):
                problems.append(f"GET {url} 角色 {role}：含乙街道当事人完整的 {personal}")
            before = _web_version(obj)
            response = client.post(url, {"version": getattr(obj, "version", 1), "text": "越权"})
            if not reviewer and response.status_code not in DENIED:
                problems.append(f"POST {url} 角色 {role}：HTTP {response.status_code}，应为 403/404")
            if response.status_code >= 500:
                problems.append(f"POST {url} 角色 {role}：服务器错误")
            if _web_version(obj) != before:
                problems.append(f"POST {url} 角色 {role}：乙街道的对象被改动了")
    assert not problems, "\n".join(problems)


def _detail_page(model) -> str | None:
    return next(
        (name for name, (kind, extra) in WEB_TARGETS.items() if kind == model._meta.label and extra is None),
        None,
    )


def test_web_detail_pages_open_for_the_reviewer(world, clients):
    """Positive control: the 区级审阅 does see b's records, so the 404s above are scoping, not broken URLs."""
    client = _client(clients, REVIEWER)
    problems = []
    for model in ledger_models():
        name = _detail_page(model)
        if name is None:
            problems.append(f"台账 {model._meta.label} 在 WEB_TARGETS 里没有详情页")
            continue
        record = world.record("b", model)
        response = client.get(reverse(name, args=[record.pk]))
        if response.status_code != 200 or marker(record) not in _text(response):
            problems.append(f"{name}：区级审阅打不开乙街道的 {marker(record)}（HTTP {response.status_code}）")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_web_pages_without_pk_show_nothing_of_b(world, clients, role):
    """Every page without placeholders (lists, boards, figures, Excel exports), plain and with ?org=b."""
    client = _client(clients, role)
    problems = []
    for path, name in _web_patterns():
        if "{" in path:
            continue
        for query in ({}, {"org": "b"}, {"contact": PERSONAL["b"][0]}):
            response = client.get(path, query)
            if response.status_code >= 500:
                problems.append(f"GET {path} {query}：服务器错误 HTTP {response.status_code}")
            elif role not in SEES_WHOLE_DISTRICT.get(path, (REVIEWER,)) and (
                leaked := _leaks(world, response)
            ):
                problems.append(f"GET {path} {query}（{name}）含乙街道的 {leaked}")
            if personal := _personal_leaks(response, query):
                problems.append(f"GET {path} {query}（{name}）含乙街道当事人完整的 {personal}")
    assert not problems, f"角色 {role}：\n" + "\n".join(problems)


# Pages without placeholders that write for a unit named in the form, not in the path (the sweep above only
# reads them): name → (fn(world, street) → form data for that street's unit, fn(street) → how many rows of
# that street the page writes). Every role posting for 街道 b is refused and nothing of b is written.
def _report_text_post(world, street):
    year = str(TODAY.year - 1)
    return {"part": "problems", "problems-org": street, "problems-year": year, "problems-text": "越权填写"}


def _report_texts(street):
    from fazhi.disclosure.models import AnnualReportText

    return AnnualReportText.objects.filter(org__code=street).count()


WEB_ORG_POSTS = {"disclosure:annual_text": (_report_text_post, _report_texts)}


@pytest.mark.parametrize("name", sorted(WEB_ORG_POSTS))
def test_web_forms_naming_a_unit_keep_to_their_street(world, clients, name):
    data, written = WEB_ORG_POSTS[name]
    problems = []
    for role in ROLES:
        before = written("b")
        response = _client(clients, role).post(reverse(name), data(world, "b"))
        if response.status_code not in DENIED:
            problems.append(f"POST {name} 角色 {role}：HTTP {response.status_code}，应为 403/404")
        if written("b") != before:
            problems.append(f"POST {name} 角色 {role}：写入了乙街道的数据")
        if role != REVIEWER and _leaks(world, response):
            problems.append(f"POST {name} 角色 {role}：响应含乙街道的 {_leaks(world, response)}")
    # the check can fail: 街道 a's own writer is let through for a
    own = Client()
    sign_in(own, world.writer("a"))
    before = written("a")
    response = own.post(reverse(name), data(world, "a"))
    if response.status_code != 302 or written("a") == before:
        problems.append(f"POST {name}：甲街道人员为本街道填写未成功（HTTP {response.status_code}）")
    assert not problems, "\n".join(problems)


# --- sibling units inside one 街道 -----------------------------------------------------------------


SIBLING = ("110105194912310054", "13700002222")  # the parties of a dispute held by a's 司法所


@pytest.fixture
def sibling_dispute(world):
    """A dispute of 甲街道司法所, a sibling of 甲街道调委会 under the same 街道."""
    from fazhi.disputes import services
    from fazhi.disputes.models import DisputeType

    return services.intake(
        world.writer("a"),
        org=world.orgs["a-sfs"],
        channel="visit",
        received_on=TODAY,
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary="司法所受理的相邻权纠纷",
        persons_involved=2,
        parties=[services.PartyData(name="赵六", id_number=SIBLING[0], phone=SIBLING[1])],
    )


@pytest.mark.parametrize("role", ["handler", "enforcement"])
def test_sibling_units_inside_a_street_keep_apart(world, clients, sibling_dispute, role):
    """A person of 甲街道调委会 (or the 执法队) neither reads nor finds a record of 甲街道司法所."""
    client = _client(clients, role)
    number = sibling_dispute.number
    answers = {
        "API 列表": client.get(reverse("api:dispute-list")),
        "API 按身份证号": client.get(reverse("api:dispute-list"), {"contact": SIBLING[0]}),
        "API 按电话": client.get(reverse("api:dispute-list"), {"phone": SIBLING[1]}),
        "列表页": client.get("/disputes/", {"contact": SIBLING[1]}),
        "导出": client.get("/disputes/excel/export/", {"id_number": SIBLING[0]}),
        "API 详情": client.get(reverse("api:dispute-detail", args=[sibling_dispute.pk])),
        "详情页": client.get(f"/disputes/{sibling_dispute.pk}/"),
        "查看个人信息": client.post(reverse("api:dispute-reveal", args=[sibling_dispute.pk])),
    }
    problems = []
    for what, response in answers.items():
        text = _text(response)
        # The list page shows the filter form with the value typed in it; the other value must not show.
        shown = [
            value for value in SIBLING if value in text and not (what == "列表页" and value == SIBLING[1])
        ]
        if response.status_code >= 500 or number in text or shown:
            problems.append(f"{what}：HTTP {response.status_code}，含司法所的纠纷或当事人信息")
    for what in ("API 详情", "详情页", "查看个人信息"):
        if answers[what].status_code not in DENIED:
            problems.append(f"{what}：HTTP {answers[what].status_code}，应为 403/404")
    assert not problems, f"角色 {role}：\n" + "\n".join(problems)


def test_the_sibling_sweep_can_fail(world, clients, sibling_dispute):
    """Positive control: the 司法所 person (法律顾问 there, who sees personal data) finds it."""
    client = _client(clients, "legal")  # held at 甲街道司法所
    found = client.get(reverse("api:dispute-list"), {"contact": SIBLING[0]}).json()["results"]
    assert [row["number"] for row in found] == [sibling_dispute.number]
