"""The floor for the figures benchmark, continued: the figures of the ledgers that came after disputes, legal
review and litigation (enforcement, petitions, disclosure, oversight items, learning and legal services),
written by hand in SQL the way one would without the ORM.

A few queries per ledger, each with conditional sums (or a GROUP BY over a handful of kinds) over the units
of the subtree (organisations whose path starts with the unit's path); codes and rates are derived in
Python. ``figures(path, start, end)`` returns {code: value}; :mod:`bench.figures_sql` adds it to its own.
The choices' stored values are written out here on purpose: the floor must not borrow the registry's code.
"""

import sqlite3
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from fazhi.dates import today

IN_TREE = "o.path LIKE %s"

# SQLite 3.40.1 (Debian 12's) counts a row that does not match `org_id IN (subquery) AND day < X` on an index
# (org_id, day) once ANALYZE has run (gen_data runs it), so the registry's figures with only an upper bound on a
# date are one too many where nothing matches (上年结转 of a first year). 3.51.1 answers right; versions between
# are untested. The hand SQL here joins the units instead and is right on both.
ONE_SIDED = frozenset(
    {"disclosure.carried_in", "disclosure.carried_over", "disclosure.documents.normative.in_force",
     "disclosure.documents.rule.in_force"}
)  # fmt: skip


def wrong_on_this_engine() -> frozenset:
    """The codes this database's engine may compute wrongly through the ORM (see ONE_SIDED): left out of the
    equality checks, and said so."""
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 51, 1):
        return ONE_SIDED
    return frozenset()


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _one(sql: str, params: list) -> tuple:
    return tuple(v or 0 for v in _rows(sql, params)[0])


def _rate(part, whole, places="0.01"):
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _decimal(value, places: str) -> Decimal:
    """A sum as the database gives it (SQLite: a float for a decimal column) at the column's places."""
    return Decimal(str(value or 0)).quantize(Decimal(places))


def _sums(conditions: list[str]) -> str:
    return ",\n".join(f"SUM(CASE WHEN {c} THEN 1 ELSE 0 END)" for c in conditions)


# --- enforcement ----------------------------------------------------------------------------------------


def enforcement(path: str, start, end) -> dict:
    filed = "c.filed_on BETWEEN %s AND %s"
    kept = f"{filed} AND c.status <> 'revoked'"
    penalised = "c.decision_on BETWEEN %s AND %s AND c.status NOT IN ('no_penalty', 'revoked')"
    published = "c.published_on BETWEEN %s AND %s"
    timed = f"{published} AND c.publicity_due IS NOT NULL"
    conditions = [
        kept,
        f"{kept} AND c.procedure = 'ordinary'",
        f"{kept} AND c.procedure = 'simple'",
        f"{kept} AND c.enterprise = %s",
        f"{kept} AND c.av_record = %s",
        f"{filed} AND c.source = 'video'",
        penalised,
        published,
        timed,
        f"{timed} AND c.published_on <= c.publicity_due",
    ]
    p = [start, end]
    cases = _one(
        f"""SELECT {_sums(conditions)},
              SUM(CASE WHEN {penalised} THEN c.fine_amount + c.confiscated_amount ELSE 0 END)
            FROM enforcement_enforcementcase c JOIN orgs_organisation o ON o.id = c.org_id
            WHERE {IN_TREE}""",
        [*p, *p, *p, *p, True, *p, True, *p, *p, *p, *p, *p, *p, path],
    )
    enterprise = "b.object_kind = 'enterprise'"
    checks = _one(
        f"""SELECT SUM(CASE WHEN {enterprise} THEN b.objects_checked ELSE 0 END),
              SUM(CASE WHEN {enterprise} THEN 0 ELSE b.objects_checked END),
              SUM(b.hazards_found), SUM(b.hazards_rectified),
              SUM(CASE WHEN b.action IN ('joint', 'cross') THEN 1 ELSE 0 END),
              SUM(CASE WHEN b.random_check = %s THEN 1 ELSE 0 END),
              SUM(b.cases_filed_outside + (SELECT COUNT(*) FROM enforcement_enforcementcase l
                                           WHERE l.inspection_id = b.id AND l.status <> 'revoked'))
            FROM enforcement_inspectionbatch b JOIN orgs_organisation o ON o.id = b.org_id
            WHERE {IN_TREE} AND b.held_on BETWEEN %s AND %s""",
        [True, path, start, end],
    )
    events = dict(
        _rows(
            f"""SELECT e.kind, COUNT(*) FROM enforcement_officerevent e
                JOIN enforcement_officer f ON f.id = e.officer_id JOIN orgs_organisation o ON o.id = f.org_id
                WHERE {IN_TREE} AND e."on" BETWEEN %s AND %s GROUP BY e.kind""",
            [path, start, end],
        )
    )
    hours, officers = _one(
        f"""SELECT SUM(t.hours), COUNT(*) FROM enforcement_officertraining t
            JOIN orgs_organisation o ON o.id = t.org_id WHERE {IN_TREE} AND t.year BETWEEN %s AND %s""",
        [path, start.year, end.year],
    )
    reviews = _one(
        f"""SELECT COUNT(*) FROM enforcement_filereview r JOIN orgs_organisation o ON o.id = r.org_id
            WHERE {IN_TREE} AND r.reviewed_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    actions = _one(
        f"""SELECT COUNT(*) FROM enforcement_specialaction a JOIN orgs_organisation o ON o.id = a.org_id
            WHERE {IN_TREE} AND a.starts_on <= %s AND (a.ends_on IS NULL OR a.ends_on >= %s)""",
        [path, end, start],
    )
    hours = _decimal(hours, "0.1")
    return {
        "enforcement.special_actions": actions[0],
        "enforcement.cases": cases[0],
        "enforcement.cases.ordinary": cases[1],
        "enforcement.cases.simple": cases[2],
        "enforcement.cases.enterprise": cases[3],
        "enforcement.cases.av_recorded": cases[4],
        "enforcement.av_record_rate": _rate(cases[4], cases[0]),
        "enforcement.video_dispatched": cases[5],
        "enforcement.penalties": cases[6],
        "enforcement.fines": _decimal(cases[10], "0.01"),
        "enforcement.published": cases[7],
        "enforcement.publicity_on_time_rate": _rate(cases[9], cases[8]),
        "enforcement.published.with_due": cases[8],
        "enforcement.published.on_time": cases[9],
        "enforcement.inspections.cases_filed": checks[6],
        "enforcement.inspections": checks[0],
        "enforcement.inspections.objects": checks[1],
        "enforcement.hazards": checks[2],
        "enforcement.hazards.rectified": checks[3],
        "enforcement.joint_actions": checks[4],
        "enforcement.random_checks": checks[5],
        "enforcement.officers.added": events.get("added", 0),
        "enforcement.officers.transferred": events.get("transferred", 0),
        "enforcement.certificates.cancelled": events.get("cancelled", 0),
        "enforcement.certificates.lost_notices": events.get("lost", 0),
        "enforcement.training_hours": hours,
        "enforcement.training_hours.average": (hours / officers).quantize(Decimal("0.1"), ROUND_HALF_UP)
        if officers
        else None,
        "enforcement.file_reviews": reviews[0],
    }


# --- petitions, citizen demands and 居民议事会 --------------------------------------------------------------


def petitions(path: str, start, end) -> dict:
    received = "p.received_on BETWEEN %s AND %s"
    visit = f"{received} AND p.form = 'visit'"
    p = [start, end]
    rows = _one(
        f"""SELECT {_sums([visit, f"{visit} AND p.leader_reception = %s", f"{visit} AND p.is_group = %s", received,
                          "p.opinion_on BETWEEN %s AND %s"])},
              SUM(CASE WHEN {visit} THEN p.persons ELSE 0 END)
            FROM petitions_petition p JOIN orgs_organisation o ON o.id = p.org_id
            WHERE {IN_TREE}""",
        [*p, *p, True, *p, True, *p, *p, *p, path],
    )  # fmt: skip
    got = "d.received_on BETWEEN %s AND %s"
    done = "d.status = 'handled' AND d.handled_on BETWEEN %s AND %s"
    demands = _one(
        f"""SELECT {_sums([got, f"{done} AND d.resolved = %s", done, f"{got} AND d.channel = 'online_question'",
                          f"{got} AND d.channel = 'web_message'"])}
            FROM petitions_citizendemand d JOIN orgs_organisation o ON o.id = d.org_id
            WHERE {IN_TREE}""",
        [*p, *p, True, *p, *p, *p, path],
    )  # fmt: skip
    councils = _one(
        f"""SELECT COUNT(*), SUM(r.topics_raised), SUM(r.topics_resolved)
            FROM petitions_residentcouncil r JOIN orgs_organisation o ON o.id = r.org_id
            WHERE {IN_TREE} AND r.held_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    return {
        "petitions.batches": rows[0],
        "petitions.leader_batches": rows[1],
        "petitions.group": rows[2],
        "petitions.received": rows[3],
        "petitions.opinions": rows[4],
        "petitions.persons": rows[5],
        "demands.received": demands[0],
        "demands.resolved": demands[1],
        "demands.handled": demands[2],
        "demands.online_questions": demands[3],
        "demands.web_messages": demands[4],
        "council.meetings": councils[0],
        "council.topics": councils[1],
        "council.topics_resolved": councils[2],
    }


# --- disclosure (依申请公开 tables 三 and 四, 主动公开 table 二) ------------------------------------------------

APPLICANT_KINDS = ("person", "commercial", "research", "public_interest", "legal_service", "other")
OUTCOMES = (
    "public", "partial", "withheld_secret", "withheld_forbidden", "withheld_safety", "withheld_third_party",
    "withheld_internal", "withheld_process", "withheld_enforcement", "withheld_query", "unavailable_not_held",
    "unavailable_not_made", "unavailable_unclear", "refused_petition", "refused_repeat", "refused_publication",
    "refused_excessive", "refused_confirm", "other_no_correction", "other_no_fee", "other_misc",
)  # fmt: skip
POSTING_KINDS = (
    "rule", "normative", "licence", "penalty", "coercion", "fee", "news", "notice", "finance", "interpretation",
    "other",
)  # fmt: skip
CASE_GROUPS = ("reconsideration", "direct", "after_reconsideration")
RESULTS = ("upheld", "corrected", "other", "pending")


def _disclosure_requests(path: str, start, end) -> dict:
    received = "r.received_on BETWEEN %s AND %s"
    replied = "r.replied_on BETWEEN %s AND %s"
    conditions = [
        received,
        "r.received_on < %s AND (r.replied_on IS NULL OR r.replied_on >= %s)",
        "r.received_on <= %s AND (r.replied_on IS NULL OR r.replied_on > %s)",
        replied,
        f"{replied} AND r.replied_on > r.due_date",
        "r.correction_requested_on BETWEEN %s AND %s",
        "r.extension_approved_on BETWEEN %s AND %s",
    ]
    by_kind = _rows(
        f"""SELECT r.applicant_kind, {_sums(conditions)}
            FROM disclosure_disclosurerequest r JOIN orgs_organisation o ON o.id = r.org_id
            WHERE {IN_TREE} GROUP BY r.applicant_kind""",
        [start, end, start, start, end, end, start, end, start, end, start, end, start, end, path],
    )
    totals = [sum(row[i] or 0 for row in by_kind) for i in range(1, len(conditions) + 1)]
    received_of = {row[0]: row[1] or 0 for row in by_kind}
    outcomes = dict(
        _rows(
            f"""SELECT r.outcome, COUNT(*) FROM disclosure_disclosurerequest r
                JOIN orgs_organisation o ON o.id = r.org_id
                WHERE {IN_TREE} AND {replied} GROUP BY r.outcome""",
            [path, start, end],
        )
    )
    consultations = _one(
        f"""SELECT COUNT(*) FROM disclosure_consultation c JOIN disclosure_disclosurerequest r ON r.id = c.request_id
            JOIN orgs_organisation o ON o.id = r.org_id WHERE {IN_TREE} AND c.sent_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    result = {
        "disclosure.received": totals[0],
        "disclosure.carried_in": totals[1],
        "disclosure.carried_over": totals[2],
        "disclosure.replied": totals[3],
        "disclosure.replied_late": totals[4],
        "disclosure.on_time_rate": _rate(totals[3] - totals[4], totals[3]),
        "disclosure.corrections": totals[5],
        "disclosure.extensions": totals[6],
        "disclosure.consultations": consultations[0],
    }
    for kind in APPLICANT_KINDS:
        result[f"disclosure.received.{kind}"] = received_of.get(kind, 0)
    groups: dict[str, list[str]] = defaultdict(list)
    for outcome in OUTCOMES:
        groups[outcome.split("_", 1)[0]].append(outcome)
    for group, members in groups.items():
        result[f"disclosure.replied.{group}"] = sum(outcomes.get(m, 0) for m in members)
        if len(members) > 1:
            for outcome in members:
                result[f"disclosure.replied.{outcome}"] = outcomes.get(outcome, 0)
    return result


def _disclosure_cases(path: str, start, end) -> dict:
    """Table 四: the cases linked to the units' requests whose copy was received in the period; a suit counts
    as 复议后起诉 when one of its requests (of these units) was also taken to reconsideration."""
    link = "disclosure_disclosurerequest_cases"
    rows = _rows(
        f"""SELECT x.kind,
              CASE WHEN x.status <> 'concluded' OR x.concluded_on IS NULL OR x.concluded_on > %s THEN 'pending'
                   WHEN x.outcome = 'upheld' THEN 'upheld'
                   WHEN x.outcome IN ('corrected', 'lost') THEN 'corrected' ELSE 'other' END,
              CASE WHEN EXISTS (
                  SELECT 1 FROM {link} l JOIN {link} l2 ON l2.disclosurerequest_id = l.disclosurerequest_id
                  JOIN litigation_case c2 ON c2.id = l2.case_id
                  JOIN disclosure_disclosurerequest r ON r.id = l.disclosurerequest_id
                  JOIN orgs_organisation o ON o.id = r.org_id
                  WHERE l.case_id = x.id AND c2.kind = 'reconsideration' AND {IN_TREE}) THEN 1 ELSE 0 END
            FROM litigation_case x
            WHERE x.copy_received_on BETWEEN %s AND %s AND x.id IN (
                SELECT l.case_id FROM {link} l JOIN disclosure_disclosurerequest r ON r.id = l.disclosurerequest_id
                JOIN orgs_organisation o ON o.id = r.org_id WHERE {IN_TREE})""",
        [end, path, start, end, path],
    )
    table = {group: dict.fromkeys([*RESULTS, "total"], 0) for group in CASE_GROUPS}
    for kind, outcome, reconsidered in rows:
        group = (
            "reconsideration"
            if kind == "reconsideration"
            else "after_reconsideration"
            if reconsidered
            else "direct"
        )
        table[group][outcome] += 1
        table[group]["total"] += 1
    result = {}
    for group in CASE_GROUPS:
        result[f"disclosure.cases.{group}"] = table[group]["total"]
        for outcome in RESULTS:
            result[f"disclosure.cases.{group}.{outcome}"] = table[group][outcome]
    result["disclosure.reconsideration"] = table["reconsideration"]["total"]
    result["disclosure.litigation"] = table["direct"]["total"] + table["after_reconsideration"]["total"]
    return result


def _postings(path: str, start, end) -> dict:
    formed = "p.formed_on BETWEEN %s AND %s"
    published = "p.published_on BETWEEN %s AND %s"
    rows = _rows(
        f"""SELECT p.kind,
              SUM(CASE WHEN {published} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {published} AND p.published_on > p.due_date THEN 1 ELSE 0 END),
              SUM(CASE WHEN {formed} THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.repealed_on BETWEEN %s AND %s THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.formed_on <= %s AND (p.repealed_on IS NULL OR p.repealed_on > %s) THEN 1 ELSE 0 END),
              SUM(CASE WHEN {formed} THEN p.decisions ELSE 0 END),
              SUM(CASE WHEN {formed} THEN p.fee_amount ELSE 0 END)
            FROM disclosure_posting p JOIN orgs_organisation o ON o.id = p.org_id
            WHERE {IN_TREE} GROUP BY p.kind""",
        [start, end, start, end, start, end, start, end, end, end, start, end, start, end, path],
    )
    by_kind = {kind: [v or 0 for v in values] for kind, *values in rows}
    zero = [0] * 7
    result = {
        "disclosure.postings": sum(v[0] for v in by_kind.values()),
        "disclosure.postings.late": sum(v[1] for v in by_kind.values()),
    }
    for kind in POSTING_KINDS:
        result[f"disclosure.postings.{kind}"] = by_kind.get(kind, zero)[0]
    for kind in ("normative", "rule"):
        issued, repealed, in_force = by_kind.get(kind, zero)[2:5]
        result[f"disclosure.documents.{kind}.issued"] = issued
        result[f"disclosure.documents.{kind}.repealed"] = repealed
        result[f"disclosure.documents.{kind}.in_force"] = in_force
    for kind in ("coercion", "licence", "penalty"):
        result[f"disclosure.decisions.{kind}"] = by_kind.get(kind, zero)[5]
    result["disclosure.fees"] = _decimal(by_kind.get("fee", zero)[6], "0.0001")
    return result


def disclosure(path: str, start, end) -> dict:
    return {
        **_disclosure_requests(path, start, end),
        **_disclosure_cases(path, start, end),
        **_postings(path, start, end),
    }


# --- oversight items of every kind (oversight.*; the letters' suggestions.* are in figures_sql) --------------


def oversight(path: str, start, end) -> dict:
    on_time = "s.replied_on IS NOT NULL AND (s.reply_due IS NULL OR s.replied_on <= s.reply_due)"
    due = "(s.replied_on IS NOT NULL OR s.reply_due < %s)"
    rows = _rows(
        f"""SELECT s.kind, s.level, s.role, s.supervision_kind, s.audit_kind, s.status, s.satisfaction, COUNT(*),
              SUM(s.findings_count), SUM(s.recommendations_count),
              SUM(CASE WHEN {on_time} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {due} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {due} AND {on_time} THEN 1 ELSE 0 END)
            FROM oversight_suggestion s JOIN orgs_organisation o ON o.id = s.org_id
            WHERE {IN_TREE} AND s.received_on BETWEEN %s AND %s
            GROUP BY s.kind, s.level, s.role, s.supervision_kind, s.audit_kind, s.status, s.satisfaction""",
        [today(), today(), path, start, end],
    )
    codes = [
        "items",
        "proposals",
        "supervision",
        "inspection",
        "audit.projects",
        "audit.findings",
        "audit.recommendations",
        "audit.rectified",
    ]
    for kind in ("npc", "cppcc"):
        for level in ("city", "district"):
            codes += [
                f"{kind}.{level}",
                *(f"{kind}.{level}.{role}" for role in ("lead", "handle", "split", "assist")),
            ]
    codes += [f"supervision.{kind}" for kind in ("key_task", "pledge", "other")]
    for kind in ("transition", "tenure", "assist"):
        codes += [f"audit.{kind}", f"audit.{kind}.findings", f"audit.{kind}.recommendations"]
    result = {f"oversight.{code}": 0 for code in codes}
    replied = due_rows = due_on_time = given = pleased = 0
    for (
        kind,
        level,
        role,
        supervision,
        audit,
        status,
        satisfaction,
        n,
        findings,
        advice,
        timely,
        due_n,
        both,
    ) in rows:
        result["oversight.items"] += n
        replied, due_rows, due_on_time = (
            replied + (timely or 0),
            due_rows + (due_n or 0),
            due_on_time + (both or 0),
        )
        if kind in ("npc", "cppcc"):
            result["oversight.proposals"] += n
            if level:
                result[f"oversight.{kind}.{level}"] += n
                if role:
                    result[f"oversight.{kind}.{level}.{role}"] += n
            if satisfaction:
                given += n
                pleased += n if satisfaction in ("satisfied", "basic") else 0
        elif kind == "supervision":
            result["oversight.supervision"] += n
            if supervision:
                result[f"oversight.supervision.{supervision}"] += n
        elif kind == "inspection":
            result["oversight.inspection"] += n
        elif kind == "audit":
            result["oversight.audit.projects"] += n
            result["oversight.audit.findings"] += findings or 0
            result["oversight.audit.recommendations"] += advice or 0
            if audit:
                result[f"oversight.audit.{audit}"] += n
                result[f"oversight.audit.{audit}.findings"] += findings or 0
                result[f"oversight.audit.{audit}.recommendations"] += advice or 0
            if status == "closed":
                result["oversight.audit.rectified"] += n
    measures, done = _one(
        f"""SELECT COUNT(*), SUM(CASE WHEN m.status <> 'pending' THEN 1 ELSE 0 END)
            FROM oversight_measure m JOIN oversight_suggestion s ON s.id = m.item_id
            JOIN orgs_organisation o ON o.id = s.org_id
            WHERE {IN_TREE} AND s.received_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    result.update(
        {
            "oversight.replied_on_time": replied,
            "oversight.reply_rate": _rate(due_on_time, due_rows),
            "oversight.satisfaction_rate": _rate(pleased, given),
            "oversight.due": due_rows,
            "oversight.satisfaction_given": given,
            "oversight.satisfied": pleased,
            "oversight.measures": measures,
            "oversight.measures.done": done,
            "oversight.rectification_rate": _rate(done, measures),
        }
    )
    return result


# --- learning, 普法, public legal services, the leaders' acts, 法律明白人 and exams --------------------------------

MATERIAL_UNITS = {"份": "fen", "只": "zhi", "本": "ben", "张": "zhang"}
SERVICE_CODES = {
    "consultation": "services.consultations",
    "checkup": "services.enterprise_checkups",
    "lecture": "services.lectures",
    "drafting": "services.drafting",
    "publicity": "services.posts",
}


def learning(path: str, start, end) -> dict:
    period = [path, start, end]
    study = "s.kind IN ('pre_meeting', 'centre_group', 'leader_lecture')"
    sessions = _one(
        f"""SELECT {_sums([study, "s.kind = 'pre_meeting'", "s.kind = 'centre_group'", "s.kind = 'leader_lecture'",
                          "s.hosted_by_head = %s"])},
              SUM(CASE WHEN {study} THEN s.topic_count ELSE 0 END),
              SUM(CASE WHEN s.kind = 'online' THEN s.attendance ELSE 0 END),
              SUM(CASE WHEN s.kind IN ('training', 'mediator_training') THEN s.attendance ELSE 0 END),
              SUM(CASE WHEN s.kind = 'mediator_training' THEN s.attendance ELSE 0 END),
              SUM(CASE WHEN s.audience = 'literate' THEN s.attendance ELSE 0 END)
            FROM learning_studysession s JOIN orgs_organisation o ON o.id = s.org_id
            WHERE {IN_TREE} AND s.held_on BETWEEN %s AND %s""",
        [True, *period],
    )  # fmt: skip
    events = _one(
        f"""SELECT COUNT(*), {_sums(["e.kind = 'five_into'", "e.kind = 'case'", "o.kind = 'enforcement_team'"])},
              SUM(e.people_reached), SUM(e.consultations), SUM(e.media_reports)
            FROM learning_pufaevent e JOIN orgs_organisation o ON o.id = e.org_id
            WHERE {IN_TREE} AND e.held_on BETWEEN %s AND %s""",
        period,
    )
    materials = dict(
        _rows(
            f"""SELECT m.unit, SUM(m.quantity) FROM learning_material m JOIN learning_pufaevent e ON e.id = m.event_id
                JOIN orgs_organisation o ON o.id = e.org_id
                WHERE {IN_TREE} AND e.held_on BETWEEN %s AND %s GROUP BY m.unit""",
            period,
        )
    )
    services = dict(
        _rows(
            f"""SELECT r.kind, SUM(r.count) FROM learning_servicerecord r JOIN orgs_organisation o ON o.id = r.org_id
                WHERE {IN_TREE} AND r.served_on BETWEEN %s AND %s GROUP BY r.kind""",
            period,
        )
    )
    stations = _one(
        f"""SELECT COUNT(DISTINCT r.org_id), COUNT(DISTINCT CASE WHEN NOT EXISTS (
                  SELECT 1 FROM learning_servicerecord b WHERE b.org_id = r.org_id AND b.served_on < %s)
                THEN r.org_id END)
            FROM learning_servicerecord r JOIN orgs_organisation o ON o.id = r.org_id
            WHERE {IN_TREE} AND o.kind = 'legal_station' AND r.served_on BETWEEN %s AND %s""",
        [start, *period],
    )
    acts = _one(
        f"""SELECT {_sums(["a.kind = 'law_meeting'", "a.kind = 'report_on_law'", "a.kind = 'case_contact'"])},
              SUM(CASE WHEN a.kind = 'study_plan' THEN a.planned_sessions ELSE 0 END)
            FROM learning_leadershipact a JOIN orgs_organisation o ON o.id = a.org_id
            WHERE {IN_TREE} AND a.held_on BETWEEN %s AND %s""",
        period,
    )
    appearances = _one(
        f"""SELECT COUNT(*) FROM litigation_hearing h JOIN litigation_case c ON c.id = h.case_id
            JOIN orgs_organisation o ON o.id = c.org_id
            WHERE {IN_TREE} AND h.head_appeared = %s AND h.held_on BETWEEN %s AND %s""",
        [path, True, start, end],
    )
    literates = _one(
        f"""SELECT COUNT(*) FROM learning_legalliterate l JOIN orgs_organisation o ON o.id = l.org_id
            WHERE {IN_TREE} AND l.appointed_on BETWEEN %s AND %s""",
        period,
    )
    exams = _one(
        f"""SELECT SUM(x.enrolled), SUM(x.sat), SUM(x.excellent) FROM learning_examround x
            JOIN orgs_organisation o ON o.id = x.org_id WHERE {IN_TREE} AND x.held_on BETWEEN %s AND %s""",
        period,
    )
    # held on the period's last day: communities (active ones) with an adviser in term, titles not revoked
    communities = _one(
        f"""SELECT COUNT(*), COUNT(CASE WHEN EXISTS (
                  SELECT 1 FROM learning_adviserassignment a WHERE a.org_id = o.id AND a.term_start <= %s
                    AND (a.term_end IS NULL OR a.term_end >= %s)) THEN 1 END),
              COUNT(CASE WHEN EXISTS (
                  SELECT 1 FROM learning_modelcommunity m WHERE m.org_id = o.id AND m.awarded_on <= %s
                    AND (m.revoked_on IS NULL OR m.revoked_on > %s)) THEN 1 END)
            FROM orgs_organisation o WHERE {IN_TREE} AND o.kind = 'community' AND o.active = %s""",
        [end, end, end, end, path, True],
    )
    honours = _one(
        f"""SELECT COUNT(*) FROM learning_modelcommunity m JOIN orgs_organisation o ON o.id = m.org_id
            WHERE {IN_TREE} AND m.awarded_on BETWEEN %s AND %s""",
        period,
    )
    result = {
        "services.advisers": communities[1],
        "services.adviser_coverage": _rate(communities[1], communities[0], "0.01"),
        "pufa.model_communities": communities[2],
        "pufa.model_communities.new": honours[0],
        "study.sessions": sessions[0],
        "study.law_sessions": sessions[1],
        "study.centre_group": sessions[2],
        "study.leader_lectures": sessions[3],
        "study.hosted_by_head": sessions[4],
        "study.topics": sessions[5],
        "study.platform_participants": sessions[6],
        "training.person_times": sessions[7],
        "training.mediators": sessions[8],
        "literate.trained": sessions[9],
        "pufa.events": events[0],
        "pufa.events.five_into": events[1],
        "pufa.events.case": events[2],
        "pufa.by_enforcers": events[3],
        "pufa.reach": events[4],
        "pufa.consultations": events[5],
        "pufa.media_reports": events[6],
        "services.stations": stations[0],
        "services.stations_new": stations[1],
        "lead.law_meetings": acts[0],
        "lead.reports_on_law": acts[1],
        "lead.cases_contacted": acts[2],
        "lead.planned_law_sessions": acts[3],
        "lead.head_appearances": appearances[0],
        "literate.added": literates[0],
        "exam.participation_rate": _rate(exams[1], exams[0], "1"),
        "exam.enrolled": exams[0],
        "exam.sat": exams[1],
        "exam.excellent": exams[2],
        "exam.excellence_rate": _rate(exams[2], exams[1], "1"),
    }
    for unit, suffix in MATERIAL_UNITS.items():
        result[f"pufa.materials.{suffix}"] = materials.get(unit) or 0
    for kind, code in SERVICE_CODES.items():
        result[code] = services.get(kind) or 0
    return result


def figures(path: str, start, end) -> dict:
    return {
        **enforcement(path, start, end),
        **petitions(path, start, end),
        **disclosure(path, start, end),
        **oversight(path, start, end),
        **learning(path, start, end),
    }
