"""Excel import and export of cases and inspection batches: cross-field checks on parsed rows, all or
nothing written, and export rows as the ledger kit's masking policy allows the reader."""

import itertools
from decimal import Decimal

from fazhi.dates import today
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows, import_records
from fazhi.ledger.parties import export_value
from fazhi.orgs.models import Kind

from .bulk import NewCase, insert_cases, insert_inspections
from .columns import CASE_SHEET, INSPECTION_SHEET, SPECIAL_ACTION_SHEET
from .models import (
    STATES,
    CaseParty,
    EnforcementCase,
    InspectionBatch,
    Officer,
    OfficerStatus,
    PartyKind,
    PartyRole,
    Procedure,
    SpecialAction,
    SpecialActionKind,
)
from .services import SIMPLE_FINE_LIMITS

# --- special actions, named by the sheets ------------------------------------------------------------------


class SpecialActionResolver:
    """A sheet's 专项行动 by its name, among the actions of the row's unit (names are unique within a unit)."""

    def __init__(self):
        self.by_unit: dict[int, dict[str, SpecialAction]] = {}

    def resolve(self, org, name) -> tuple[SpecialAction | None, str]:
        name = (name or "").strip()
        if not name or org is None:
            return None, ""
        if org.pk not in self.by_unit:
            self.by_unit[org.pk] = {a.name: a for a in SpecialAction.objects.filter(org=org)}
        action = self.by_unit[org.pk].get(name)
        if action is None:
            return None, (
                f"“{org.name}”没有名为“{name}”的专项行动；请先在“专项行动”中登记（名称须与表格一致），"
                "或清空此格"
            )
        return action, ""


def import_special_actions(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """The team's 专项行动: each name new within its team (in the database and in the file); all or none."""
    orgs = UnitResolver(actor, "专项行动")
    seen: dict[tuple[int, str], int] = {}

    def check(row):
        org, problem = orgs.resolve(row.get("org") or "")
        if not problem and org.kind != Kind.ENFORCEMENT_TEAM:
            problem = f"“{org.name}”不是综合行政执法队，不能牵头专项行动；请填写执法队"
        problems = [("牵头执法队", problem)] if problem else []
        name = (row.get("name") or "").strip()
        if not problem and name:
            if (org.pk, name) in seen:
                problems.append(("行动名称", f"与第{seen[org.pk, name]}行同名；同一执法队的行动不能重名"))
            elif SpecialAction.objects.filter(org=org, name=name).exists():
                problems.append(("行动名称", f"“{org.name}”已有名为“{name}”的专项行动；请改名或删去此行"))
            seen.setdefault((org.pk, name), row.get("_row", 0))
        if row.get("ends_on") and row.get("starts_on") and row["ends_on"] < row["starts_on"]:
            problems.append(("结束日期", "结束日期不能早于开始日期"))
        if problems:
            return problems, None
        action = SpecialAction(
            org=org,
            name=name,
            kind=row.get("kind") or SpecialActionKind.RECTIFICATION,
            starts_on=row["starts_on"],
            ends_on=row.get("ends_on"),
            joint_departments=row.get("joint_departments") or "",
            goal=row.get("goal") or "",
        )
        return [], action

    return import_records(actor, SpecialAction, rows, SPECIAL_ACTION_SHEET, check, source=source)


def export_special_action_rows(user, actions):
    for seq, a in enumerate(actions, start=1):
        yield {
            "seq": seq,
            "name": a.name,
            "kind": a.kind,
            "org": a.org.name,
            "starts_on": a.starts_on,
            "ends_on": a.ends_on,
            "joint_departments": a.joint_departments,
            "goal": a.goal,
        }


# --- inspections ------------------------------------------------------------------------------------------


def _inspection_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    if (row.get("hazards_rectified") or 0) > (row.get("hazards_found") or 0):
        problems.append(("已整改隐患", "已整改隐患不能多于发现隐患"))
    if row.get("objects_checked") is not None and row["objects_checked"] < 1:
        problems.append(("检查对象数", "检查对象数至少为1"))
    if row.get("held_on") and row["held_on"] > today():
        problems.append(("检查日期", "检查日期不能晚于今天"))
    return problems


def import_inspections(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every row against the database and the actor's rights; write all rows or none."""
    orgs = UnitResolver(actor, "执法检查")
    actions = SpecialActionResolver()

    def check(row):
        org, problem = orgs.resolve(row.get("org") or "")
        problems = [("执法队", problem)] if problem else []
        action, problem = actions.resolve(org, row.get("special_action"))
        if problem:
            problems.append(("专项行动名称", problem))
        problems += _inspection_problems(row)
        if problems:
            return problems, None
        batch = InspectionBatch(
            org=org,
            held_on=row["held_on"],
            action=row["action"],
            special_action=action,
            random_check=bool(row.get("random_check")),
            field=row["field"],
            object_kind=row["object_kind"],
            objects_checked=row["objects_checked"],
            hazards_found=row.get("hazards_found") or 0,
            hazards_rectified=row.get("hazards_rectified") or 0,
            cases_filed_outside=row.get("cases_filed") or 0,  # none is linked yet
            joint_units=row.get("joint_units") or "",
            note=row.get("note") or "",
        )
        return [], batch

    batches, errors = check_rows(rows, INSPECTION_SHEET, check)
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_inspections(actor, batches, source=source))


def export_inspection_rows(user, batches):
    for seq, b in enumerate(batches, start=1):
        yield {
            "seq": seq,
            "held_on": b.held_on,
            "org": b.org.name,
            "action": b.action,
            "special_action": b.special_action.name if b.special_action else "",
            "random_check": b.random_check,
            "field": b.field,
            "object_kind": b.object_kind,
            "objects_checked": b.objects_checked,
            "hazards_found": b.hazards_found,
            "hazards_rectified": b.hazards_rectified,
            "cases_filed": b.cases_filed,  # the queryset's annotation: outside + linked
            "joint_units": b.joint_units,
            "note": b.note,
        }


# --- cases ------------------------------------------------------------------------------------------------

DATE_ORDER = (
    ("filed_on", "立案日期"),
    ("decision_on", "决定日期"),
    ("served_on", "送达日期"),
    ("closed_on", "结案日期"),
)
DECIDED_STATES = {"decided", "served", "executing", "closed"}


def _case_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    status = row.get("status") or STATES.initial
    days = [(row.get(key), label) for key, label in DATE_ORDER if row.get(key)]
    for (earlier, first), (later, second) in itertools.pairwise(days):
        if later < earlier:
            problems.append((second, f"{second}不能早于{first}"))
    if status in DECIDED_STATES and not row.get("decision_on"):
        problems.append(("决定日期", f"状态为“{STATES.labels[status]}”时必填决定日期"))
    if status in DECIDED_STATES and not row.get("penalty_kind"):
        problems.append(("处罚种类", f"状态为“{STATES.labels[status]}”时必填处罚种类"))
    if status in STATES.closed and not row.get("closed_on"):
        problems.append(("结案日期", f"状态为“{STATES.labels[status]}”时必填结案日期"))
    if row.get("procedure") == Procedure.SIMPLE and row.get("fine_amount"):
        kind = "organisation" if row.get("party_kind") == PartyKind.ORGANISATION else "person"
        if row["fine_amount"] > SIMPLE_FINE_LIMITS[kind]:
            problems.append(
                ("罚款金额", f"简易程序罚款不能超过{SIMPLE_FINE_LIMITS[kind]:,.0f}元（行政处罚法第五十一条）")
            )
    if row.get("filed_on") and row["filed_on"] > today():
        problems.append(("立案日期", "立案日期不能晚于今天"))
    return problems


class OfficerResolver:
    """Officers by name within a unit, each certified on the filing day."""

    def __init__(self):
        self.by_unit: dict[int, dict[str, list[Officer]]] = {}

    def resolve(self, org, names: str, day) -> tuple[list[int], str]:
        if org.pk not in self.by_unit:
            named: dict[str, list[Officer]] = {}
            for officer in Officer.objects.filter(org=org).prefetch_related("certificates"):
                named.setdefault(officer.name, []).append(officer)
            self.by_unit[org.pk] = named
        wanted = [
            n.strip() for n in (names or "").replace(",", "、").replace("，", "、").split("、") if n.strip()
        ]
        if len(wanted) < 2:
            return [], "至少填写两名执法人员（行政处罚法第四十二条），用顿号分隔"
        ids = []
        for name in wanted:
            found = self.by_unit[org.pk].get(name, [])
            if len(found) != 1:
                return (
                    [],
                    f"“{org.name}”{'没有' if not found else '有多名'}名为“{name}”的执法人员；请先在执法人员名册中登记",
                )
            officer = found[0]
            certified = officer.status == OfficerStatus.ON_DUTY or (
                officer.left_on and officer.left_on >= day
            )
            card = any(c.issued_on <= day <= c.expires_on and (c.ended_on is None or c.ended_on >= day)
                       for c in officer.certificates.all())  # fmt: skip
            if not (certified and card):
                return [], f"{name}在立案日期没有有效的执法证，不能承办案件"
            ids.append(officer.pk)
        return ids, ""


def import_cases(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    orgs = UnitResolver(actor, "案件")
    officers = OfficerResolver()
    actions = SpecialActionResolver()

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", EnforcementCase)
        problems = [("承办单位", problem)] if problem else []
        problems += _case_problems(row)
        action, problem = actions.resolve(org, row.get("special_action"))
        if problem:
            problems.append(("专项行动", problem))
        officer_ids = []
        if org is not None and row.get("filed_on"):
            officer_ids, problem = officers.resolve(org, row.get("officers"), row["filed_on"])
            if problem:
                problems.append(("承办执法人员", problem))
        if problems:
            return problems, None
        return [], _new_case(row, org, officer_ids, action)

    items, errors = check_rows(rows, CASE_SHEET, check, dated=lambda item: [item.case])
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_cases(actor, items, source=source))


def _new_case(row: dict, org, officer_ids, action=None) -> NewCase:
    case = EnforcementCase(
        org=org,
        status=row.get("status") or STATES.initial,
        filed_on=row["filed_on"],
        procedure=row["procedure"],
        source=row["source"],
        field=row["field"],
        object_kind=row.get("object_kind") or "shop",
        special_action=action,
        summary=row["summary"],
        av_record=bool(row.get("av_record")),
        decision_on=row.get("decision_on"),
        penalty_kind=row.get("penalty_kind") or "",
        fine_amount=row.get("fine_amount") or Decimal("0"),
        confiscated_amount=row.get("confiscated_amount") or Decimal("0"),
        served_on=row.get("served_on"),
        published_on=row.get("published_on"),
        execution_method=row.get("execution_method") or "",
        closed_on=row.get("closed_on"),
    )
    party = CaseParty(
        role=PartyRole.PARTY,
        kind=row.get("party_kind") or PartyKind.PERSON,
        enterprise=bool(row.get("enterprise")),
        name=row["party"],
        id_number=row.get("party_id") or "",
        phone=row.get("party_phone") or "",
    )
    return NewCase(case, [party], officer_ids)


def export_case_rows(user, cases):
    for seq, c in enumerate(cases, start=1):
        party = next((p for p in c.parties.all() if p.role == PartyRole.PARTY), None)

        def personal(kind, party=party, c=c):
            return export_value(user, c.org, kind, getattr(party, kind)) if party else ""

        yield {
            "seq": seq,
            "number": c.number,
            "filed_on": c.filed_on,
            "procedure": c.procedure,
            "source": c.source,
            "field": c.field,
            "object_kind": c.object_kind,
            "special_action": c.special_action.name if c.special_action else "",
            "org": c.org.name,
            "officers": "、".join(o.name for o in c.officers.all()),
            "party": party.name if party else "",
            "party_kind": party.kind if party else "",
            "enterprise": c.enterprise,
            "party_id": personal("id_number"),
            "party_phone": personal("phone"),
            "summary": c.summary,
            "av_record": c.av_record,
            "status": c.status,
            "due": c.due_text(),
            "decision_on": c.decision_on,
            "penalty_kind": c.penalty_kind,
            "fine_amount": c.fine_amount,
            "confiscated_amount": c.confiscated_amount,
            "served_on": c.served_on,
            "published_on": c.published_on,
            "execution_method": c.execution_method,
            "closed_on": c.closed_on,
        }
