"""The floor for the figures benchmark: the registry's computed figures written by hand in SQL.

One query per ledger table with conditional sums over the subtree (organisations whose path starts
with the unit's path), the way one would write them without the ORM; rates are derived from the
counts in Python. ``figures(path, start, end)`` returns {code: value} for every code it covers.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from fazhi.dates import today


def _rate(part, whole):
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _one(sql: str, params: list) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return tuple(v or 0 for v in cursor.fetchone())


def _money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01")) if value else Decimal("0")


IN_TREE = "o.path LIKE %s"
# The suggestions.* codes count the 司法建议书 and 检察建议书 only (the oversight items of other kinds are
# oversight.*): fazhi.oversight.models.LETTERS.
LETTER = "s.kind IN ('judicial', 'procuratorate')"


def disputes(path: str, start, end) -> dict:
    rec = "d.received_on BETWEEN %s AND %s"
    con = "d.status IN ('success', 'failed', 'withdrawn') AND d.concluded_on BETWEEN %s AND %s"
    suc = f"d.status = 'success' AND {con}"
    # Uncorrelated IN (…): both engines build the set once (hashed subplan / ephemeral index).
    dispatched = "d.id IN (SELECT x.dispute_id FROM disputes_dispatch x)"

    def assisted(kind):
        return (
            f"(o.kind = '{kind}' OR d.id IN (SELECT a.dispute_id FROM disputes_dispute_assisting_units a "
            f"JOIN orgs_organisation u ON u.id = a.organisation_id WHERE u.kind = '{kind}'))"
        )

    sql = f"""
        SELECT
          SUM(CASE WHEN {rec} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {con} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {suc} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {rec} THEN d.persons_involved ELSE 0 END),
          SUM(CASE WHEN {rec} THEN d.amount_involved ELSE 0 END),
          SUM(CASE WHEN {suc} THEN d.amount_recovered ELSE 0 END),
          SUM(CASE WHEN {rec} AND d.is_group = %s THEN 1 ELSE 0 END),
          SUM(CASE WHEN {rec} AND o.kind = 'street_committee' THEN 1 ELSE 0 END),
          SUM(CASE WHEN {rec} AND o.kind = 'community_committee' THEN 1 ELSE 0 END),
          SUM(CASE WHEN {suc} AND {assisted("police_joint")} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {suc} AND {assisted("psych_service")} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {rec} AND {dispatched} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {con} AND {dispatched} THEN 1 ELSE 0 END)
        FROM disputes_dispute d JOIN orgs_organisation o ON o.id = d.org_id
        WHERE {IN_TREE} AND ({rec} OR {con})
    """
    p = [start, end]
    params = [*p, *p, *p, *p, *p, *p, *p, True, *p, *p, *p, *p, *p, *p, path, *p, *p]
    row = _one(sql, params)
    received, closed, success = row[0], row[1], row[2]
    return {
        "disputes.received": received,
        "disputes.closed": closed,
        "disputes.mediated_success": success,
        "disputes.success_rate": _rate(success, received),
        "disputes.persons_involved": row[3],
        "disputes.amount_involved": _money(row[4]),
        "disputes.amount_recovered": _money(row[5]),
        "disputes.group_disputes": row[6],
        "disputes.received.street_committee": row[7],
        "disputes.received.community_committee": row[8],
        "disputes.police_joint": row[9],
        "disputes.psych_service": row[10],
        "disputes.dispatched": row[11],
        "disputes.dispatched_closed": row[12],
    }


def legal(path: str, start, end) -> dict:
    con = "i.status = 'concluded' AND i.concluded_on BETWEEN %s AND %s"
    kinds = ("contract", "normative", "major_decision", "topic", "plan")
    sums = ",\n".join(f"SUM(CASE WHEN {con} AND i.kind = '{k}' THEN 1 ELSE 0 END)" for k in kinds)
    items = _one(
        f"""SELECT {sums},
              SUM(CASE WHEN {con} AND i.opinion = 'unlawful' THEN 1 ELSE 0 END),
              SUM(CASE WHEN i.kind = 'contract' AND i.requires_filing = %s AND i.filed_on BETWEEN %s AND %s
                       THEN 1 ELSE 0 END)
            FROM legal_reviewitem i JOIN orgs_organisation o ON o.id = i.org_id
            WHERE {IN_TREE}""",
        [start, end] * 6 + [True, start, end, path],
    )
    last_day = min(end, today() - datetime.timedelta(days=1))
    answered = "r.opinion_on BETWEEN %s AND %s"
    rounds = _one(
        f"""SELECT
              SUM(CASE WHEN {answered} AND r.letter_issued = %s THEN 1 ELSE 0 END),
              SUM(CASE WHEN {answered} AND r.working_days IS NOT NULL THEN r.working_days ELSE 0 END),
              SUM(CASE WHEN {answered} AND r.working_days IS NOT NULL THEN 1 ELSE 0 END),
              SUM(CASE WHEN {answered} AND r.due_date IS NOT NULL AND r.opinion_on > r.due_date THEN 1 ELSE 0 END),
              SUM(CASE WHEN r.opinion_on IS NULL AND r.due_date BETWEEN %s AND %s
                        AND i.status NOT IN ('concluded', 'withdrawn') THEN 1 ELSE 0 END)
            FROM legal_reviewround r JOIN legal_reviewitem i ON i.id = r.item_id
            JOIN orgs_organisation o ON o.id = i.org_id
            WHERE {IN_TREE}""",
        [start, end, True, start, end, start, end, start, end, start, last_day, path],
    )
    average = None
    if rounds[2]:
        average = (Decimal(rounds[1]) / Decimal(rounds[2])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return {
        "legal.contracts_reviewed": items[0],
        "legal.normative_documents": items[1],
        "legal.major_decisions": items[2],
        "legal.topics_reviewed": items[3],
        "legal.plans_reviewed": items[4],
        "legal.unlawful": items[5],
        "legal.contracts_filed": items[6],
        "legal.opinions": rounds[0],
        "legal.review_days_avg": average,
        "legal.overdue": rounds[3] + rounds[4],
        # the parts of the figures above, figures of their own
        "legal.review_days": rounds[1],
        "legal.rounds_timed": rounds[2],
        "legal.overdue.answered_late": rounds[3],
        "legal.overdue.open": rounds[4],
    }


DOCUMENT_KINDS = (
    "complaint", "application", "judgement", "ruling", "mediation", "decision", "assistance", "lawyer_letter", "other",
)  # fmt: skip


def litigation(path: str, start, end) -> dict:
    now = today()
    first = "c.stage = 'first' AND c.copy_received_on BETWEEN %s AND %s"
    final = (
        "c.status = 'concluded' AND c.concluded_on BETWEEN %s AND %s AND c.id NOT IN "
        "(SELECT f.previous_id FROM litigation_case f WHERE f.previous_id IS NOT NULL)"
    )
    due = "c.reply_due BETWEEN %s AND %s AND (c.replied_on IS NOT NULL OR c.reply_due < %s)"
    p = [start, end]
    cases = _one(
        f"""SELECT
              SUM(CASE WHEN {first} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {first} AND c.kind = 'civil' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {first} AND c.kind = 'administrative' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {first} AND c.kind = 'reconsideration' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.kind = 'administrative' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.kind = 'administrative' AND c.outcome IN ('withdrawn', 'mediated')
                       THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.outcome = 'lost' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.outcome = 'corrected' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.kind IN ('reconsideration', 'administrative') THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.kind IN ('reconsideration', 'administrative')
                       AND c.outcome IN ('corrected', 'lost') THEN 1 ELSE 0 END),
              SUM(CASE WHEN {due} THEN 1 ELSE 0 END),
              SUM(CASE WHEN {due} AND c.replied_on <= c.reply_due THEN 1 ELSE 0 END),
              SUM(CASE WHEN {final} AND c.kind = 'reconsideration' AND c.outcome = 'withdrawn'
                       THEN 1 ELSE 0 END)
            FROM litigation_case c JOIN orgs_organisation o ON o.id = c.org_id
            WHERE {IN_TREE}""",
        p * 11 + [start, end, now, start, end, now, start, end, path],
    )
    hearings = _one(
        f"""SELECT COUNT(*), SUM(CASE WHEN h.head_appeared = %s THEN 1 ELSE 0 END)
            FROM litigation_hearing h JOIN litigation_case c ON c.id = h.case_id
            JOIN orgs_organisation o ON o.id = c.org_id
            WHERE {IN_TREE} AND c.kind = 'administrative' AND h.held_on BETWEEN %s AND %s""",
        [True, path, start, end],
    )
    sums = ", ".join(f"SUM(CASE WHEN d.kind = '{k}' THEN 1 ELSE 0 END)" for k in DOCUMENT_KINDS)
    documents = _one(
        f"""SELECT {sums} FROM litigation_casedocument d JOIN litigation_case c ON c.id = d.case_id
            JOIN orgs_organisation o ON o.id = c.org_id
            WHERE {IN_TREE} AND d.received_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    meetings = _one(
        f"""SELECT COUNT(*), SUM(CASE WHEN m.annual_review = %s THEN 1 ELSE 0 END)
            FROM litigation_analysismeeting m JOIN orgs_organisation o ON o.id = m.org_id
            WHERE {IN_TREE} AND m.held_on BETWEEN %s AND %s""",
        [True, path, start, end],
    )
    on_time = "s.replied_on IS NOT NULL AND (s.reply_due IS NULL OR s.replied_on <= s.reply_due)"
    suggestions = _one(
        f"""SELECT COUNT(*),
              SUM(CASE WHEN s.kind = 'judicial' THEN 1 ELSE 0 END),
              SUM(CASE WHEN s.kind = 'procuratorate' THEN 1 ELSE 0 END),
              SUM(CASE WHEN {on_time} THEN 1 ELSE 0 END)
            FROM oversight_suggestion s JOIN orgs_organisation o ON o.id = s.org_id
            WHERE {IN_TREE} AND {LETTER} AND s.received_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    reminders = _one(
        f"""SELECT COUNT(*) FROM oversight_reminder r JOIN orgs_organisation o ON o.id = r.org_id
            WHERE {IN_TREE} AND r.issued_on BETWEEN %s AND %s""",
        [path, start, end],
    )
    result = {
        "litigation.cases": cases[0],
        "litigation.civil": cases[1],
        "litigation.administrative": cases[2],
        "litigation.reconsideration": cases[3],
        "litigation.concluded": cases[4],
        "litigation.withdrawal_rate": _rate(cases[6], cases[5]),
        "litigation.lost": cases[7],
        "litigation.corrected": cases[8],
        "litigation.correction_rate": _rate(cases[10], cases[9]),
        "litigation.replies_on_time": cases[12],
        "litigation.replies_on_time_rate": _rate(cases[12], cases[11]),
        "litigation.hearings": hearings[0],
        "litigation.appearance_rate": _rate(hearings[1], hearings[0]),
        "litigation.analysis_meetings": meetings[0],
        # the parts of the rates above, figures of their own
        "litigation.administrative.concluded": cases[5],
        "litigation.administrative.settled": cases[6],
        "litigation.public.concluded": cases[9],
        "litigation.public.corrected": cases[10],
        "litigation.hearings.head_appeared": hearings[1],
        "litigation.replies_due": cases[11],
        "litigation.reconsideration.withdrawn": cases[13],
        "litigation.analysis_meetings.annual": meetings[1] or 0,
        "litigation.analysis_meetings.regular": meetings[0] - (meetings[1] or 0),
        "suggestions.received": suggestions[0],
        "suggestions.judicial": suggestions[1],
        "suggestions.procuratorate": suggestions[2],
        "suggestions.replied_on_time": suggestions[3],
        "suggestions.reply_rate": None,
        "reminders.issued": reminders[0],
    }
    # 到期回复率: on time among those due (replied, or past their date).
    due_rows = _one(
        f"""SELECT SUM(CASE WHEN {on_time} THEN 1 ELSE 0 END), COUNT(*)
            FROM oversight_suggestion s JOIN orgs_organisation o ON o.id = s.org_id
            WHERE {IN_TREE} AND {LETTER} AND s.received_on BETWEEN %s AND %s
              AND (s.replied_on IS NOT NULL OR s.reply_due < %s)""",
        [path, start, end, now],
    )
    result["suggestions.reply_rate"] = _rate(due_rows[0], due_rows[1])
    result["suggestions.due"] = due_rows[1]
    for kind, count in zip(DOCUMENT_KINDS, documents, strict=True):
        result[f"litigation.documents.{kind}"] = count
    result["litigation.documents.rest"] = (
        result["litigation.documents.ruling"] + result["litigation.documents.other"]
    )
    return result


def both_years(path: str, period) -> tuple[dict, dict]:
    """Every figure of ``period`` and of the same dates a year before (what the registry's values() gives)."""
    before = period.previous_year()
    return figures(path, period.start, period.end), figures(path, before.start, before.end)


def figures(path: str, start, end) -> dict:
    from bench import figures_sql_more  # the ledgers that came later, in a module of their own

    return {
        **disputes(path, start, end),
        **legal(path, start, end),
        **litigation(path, start, end),
        **figures_sql_more.figures(path, start, end),
    }
