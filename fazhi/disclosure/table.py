"""Tables 二, 三 and 四 of the 政府信息公开工作年度报告 (the national template, 国办公开办函〔2021〕30号),
counted from the ledger for a set of units and a period. The figures (figures.py) read the same counts,
so a cell of the table and its figure code are one number.

Counting rule for table 二 (主动公开, from the postings log):
- 规章, 行政规范性文件: 本年制发 — formed (印发) in the period; 本年废止 — repealed in the period;
  现行有效 — formed by the period's end and not repealed by then;
- 行政许可, 行政处罚, 行政强制: 本年处理决定数量 — the decisions of postings whose decision day (信息形成
  日期) is in the period;
- 行政事业性收费: 本年收费金额 in 万元 — the amounts of postings formed in the period.

Counting rule for table 三 (rows and columns add up, and years chain):
- 新收: requests received (收到申请日期) in the period;
- 上年结转: received before the period and not replied to before it;
- 办理结果: requests replied to (答复日期) in the period, by outcome — new and carried-in alike;
- 结转下年度: received by the period's end and not replied to by then.
So 上年结转 + 新收 = 总计 + 结转下年度, and a year's 结转下年度 is the next year's 上年结转.

Table 四 counts the 行政复议 and 行政诉讼 cases linked to the units' requests whose copy was received in
the period: 维持, 纠正 (纠错 or 败诉), 其他结果, 尚未审结 (not concluded by the period's end); a suit on a
request that was also taken to reconsideration counts as 复议后起诉.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.figures.aggregate import Precompiled, counted_by
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .models import (
    DOCUMENT_KINDS,
    OUTCOME_GROUPS,
    ApplicantKind,
    DisclosureRequest,
    Outcome,
    Posting,
    PostingKind,
    outcome_group,
)

COLUMNS = tuple(ApplicantKind.values)
COLUMN_LABELS = dict(ApplicantKind.choices)


def _requests(orgs):
    return DisclosureRequest.objects.filter(org__in=orgs)


def received_q(start, end) -> Q:
    return Q(received_on__gte=start, received_on__lte=end)


def carried_in_q(start) -> Q:
    return Q(received_on__lt=start) & (Q(replied_on__isnull=True) | Q(replied_on__gte=start))


def replied_q(start, end) -> Q:
    return Q(replied_on__gte=start, replied_on__lte=end)


def carried_over_q(end) -> Q:
    return Q(received_on__lte=end) & (Q(replied_on__isnull=True) | Q(replied_on__gt=end))


def by_kind(queryset) -> dict[str, int]:
    counts = dict.fromkeys(COLUMNS, 0)
    for kind, n in queryset.values_list("applicant_kind").annotate(n=Count("pk")).order_by():
        counts[kind] = n
    return counts


_by_outcome_and_kind = counted_by(
    lambda orgs, start, end: _requests(orgs).filter(replied_q(start, end)), "outcome", "applicant_kind"
)


def by_outcome_and_kind(orgs, start, end) -> dict[tuple[str, str], int]:
    return {(outcome, kind): n for outcome, kind, n in _by_outcome_and_kind(orgs, start, end)}


@dataclass
class Row:
    key: str
    label: str
    cells: list[int | None]  # one per column, then the total; None where the template has no number
    level: int = 0  # 0 a numbered row, 1 an item under a group

    @property
    def total(self):
        return self.cells[-1]


def _row(key, label, counts: dict[str, int], level=0) -> Row:
    values = [counts.get(k, 0) for k in COLUMNS]
    return Row(key, label, [*values, sum(values)], level)


def table_three(orgs, start, end) -> list[Row]:
    requests = _requests(orgs)
    replies = by_outcome_and_kind(orgs, start, end)
    rows = [
        _row(
            "received", "一、本年新收政府信息公开申请数量", by_kind(requests.filter(received_q(start, end)))
        ),
        _row("carried_in", "二、上年结转政府信息公开申请数量", by_kind(requests.filter(carried_in_q(start)))),
        Row("results", "三、本年度办理结果", [None] * (len(COLUMNS) + 1)),
    ]
    numerals = "一二三四五六七"
    for index, (group, label) in enumerate(OUTCOME_GROUPS):
        members = [o for o in Outcome if outcome_group(o.value) == group]
        heading = f"（{numerals[index]}）{label}"
        if group == "partial":
            heading += "（区分处理的，只计这一情形，不计其他情形）"
        if len(members) == 1:
            rows.append(_row(group, heading, {k: replies.get((group, k), 0) for k in COLUMNS}))
            continue
        rows.append(Row(group, heading, [None] * (len(COLUMNS) + 1)))
        for number, outcome in enumerate(members, start=1):
            item = outcome.label.split("：", 1)[1]
            counts = {k: replies.get((outcome.value, k), 0) for k in COLUMNS}
            rows.append(_row(outcome.value, f"{number}.{item}", counts, level=1))
    totals = {k: sum(n for (_, kind), n in replies.items() if kind == k) for k in COLUMNS}
    rows.append(_row("total", "（七）总计", totals))
    rows.append(_row("carried_over", "四、结转下年度继续办理", by_kind(requests.filter(carried_over_q(end)))))
    return rows


# --- table 二 ----------------------------------------------------------------------------------------

# (the 条例's item, the header of its value columns, the kinds of its rows)
TWO_SECTIONS = (
    (
        "第二十条第（一）项",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        (PostingKind.RULE, PostingKind.NORMATIVE),
    ),
    ("第二十条第（五）项", ("本年处理决定数量",), (PostingKind.LICENCE,)),
    ("第二十条第（六）项", ("本年处理决定数量",), (PostingKind.PENALTY, PostingKind.COERCION)),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), (PostingKind.FEE,)),
)
# The rows' names as the template writes them (the log's kinds say 决定 where the table does not).
TWO_LABELS = {
    PostingKind.RULE: "规章",
    PostingKind.NORMATIVE: "行政规范性文件",
    PostingKind.LICENCE: "行政许可",
    PostingKind.PENALTY: "行政处罚",
    PostingKind.COERCION: "行政强制",
    PostingKind.FEE: "行政事业性收费",
}


def _postings(orgs):
    return Posting.objects.filter(org__in=orgs)


# 现行有效 of each document kind on the day ``end``: made by then and not repealed by then.
_in_force = Precompiled(
    lambda orgs, start, end: (
        _postings(orgs)
        .filter(kind__in=DOCUMENT_KINDS, formed_on__lte=end)
        .filter(Q(repealed_on__isnull=True) | Q(repealed_on__gt=end))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
)


def in_force_counts(orgs, end) -> dict[str, int]:
    """现行有效 of each 规章 and 规范性文件 kind on the day ``end``: made by then and not repealed by then."""
    counts = dict.fromkeys(DOCUMENT_KINDS, 0)
    counts.update(dict(_in_force(orgs, end, end)))
    return counts


def _two_cells(orgs, kind, start, end) -> list:
    """A row of table 二 from the figures that count it (fazhi.disclosure.figures: 本年制发/本年废止 and the
    decisions and fees are tallies of the postings, 现行有效 from ``in_force_counts``): one definition each."""
    from fazhi.figures import registry

    def figure(code):
        return registry.get(code).compute(orgs, start, end)

    if kind in DOCUMENT_KINDS:
        return [figure(f"disclosure.documents.{kind}.{part}") for part in ("issued", "repealed", "in_force")]
    if kind == PostingKind.FEE:
        return [plain(figure("disclosure.fees"))]
    return [figure(f"disclosure.decisions.{kind}")]


def published_by_kind(orgs, start, end) -> dict[str, int]:
    """Postings published in the period, by kind (the portal's columns the 法治政府建设 report quotes)."""
    counts = dict.fromkeys(PostingKind.values, 0)
    rows = (
        _postings(orgs)
        .filter(published_on__gte=start, published_on__lte=end)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for kind, n in rows:
        counts[kind] = n
    return counts


def plain(amount: Decimal) -> Decimal:
    """An amount of 万元 as written in the table: four places at most, no trailing zeros, never 1E+2."""
    text = format(amount.quantize(Decimal("0.0001")), "f")
    return Decimal(text.rstrip("0").rstrip(".") if "." in text else text)


@dataclass
class TwoSection:
    item: str  # 第二十条第（一）项
    headers: tuple[str, ...]
    rows: list[tuple[str, list]]  # (信息内容, values)


def table_two(orgs, start, end) -> list[TwoSection]:
    sections = []
    for item, headers, kinds in TWO_SECTIONS:
        rows = []
        for kind in kinds:
            rows.append((TWO_LABELS[kind], _two_cells(orgs, kind, start, end)))
        sections.append(TwoSection(item, headers, rows))
    return sections


# --- table 四 ----------------------------------------------------------------------------------------

RESULT_COLUMNS = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
CASE_GROUPS = (
    ("reconsideration", "行政复议"),
    ("direct", "行政诉讼：未经复议直接起诉"),
    ("after_reconsideration", "行政诉讼：复议后起诉"),
)
# The litigation ledger's outcome codes, as they count in table 四.
UPHELD = {"upheld"}
CORRECTED = {"corrected", "lost"}


def case_result(status: str, concluded_on, outcome: str, end) -> str:
    if status != "concluded" or not concluded_on or concluded_on > end:
        return "pending"
    if outcome in UPHELD:
        return "upheld"
    if outcome in CORRECTED:
        return "corrected"
    return "other"


def _links():
    return DisclosureRequest.cases.through.objects


# Each (case, request) link of the units' requests to a case received in the period, with the case's columns.
_linked_cases = Precompiled(
    lambda orgs, start, end: (
        _links()
        .filter(
            disclosurerequest__org__in=orgs,
            case__copy_received_on__gte=start,
            case__copy_received_on__lte=end,
        )
        .values_list(
            "case", "case__kind", "case__status", "case__concluded_on", "case__outcome", "disclosurerequest"
        )
    )
)
# The units' requests that were taken to reconsideration (at any time).
_reconsidered = Precompiled(
    lambda orgs, start, end: (
        _links()
        .filter(disclosurerequest__org__in=orgs, case__kind="reconsideration")
        .values_list("disclosurerequest")
    )
)


def table_four(orgs, start, end) -> dict[str, dict[str, int]]:
    """{group: {result: count, "total": count}} over the CASE_GROUPS and RESULT_COLUMNS: the cases received in
    the period that a request of the units led to. A lawsuit about a request that was also taken to
    reconsideration is 复议后起诉. Read as plain rows (no model instances): every figure of the table reads it."""
    cases: dict[int, tuple] = {}
    requests_of: dict[int, set[int]] = {}
    for case, kind, status, concluded_on, outcome, request in _linked_cases(orgs, start, end):
        cases[case] = (kind, status, concluded_on, outcome)
        requests_of.setdefault(case, set()).add(request)
    reconsidered = {request for (request,) in _reconsidered(orgs, start, end)}
    table = {group: dict.fromkeys([*(k for k, _ in RESULT_COLUMNS), "total"], 0) for group, _ in CASE_GROUPS}
    for pk, (kind, status, concluded_on, outcome) in cases.items():
        if kind == "reconsideration":
            group = "reconsideration"
        elif requests_of[pk] & reconsidered:
            group = "after_reconsideration"
        else:
            group = "direct"
        table[group][case_result(status, concluded_on, outcome, end)] += 1
        table[group]["total"] += 1
    return table


# --- for a unit and year ---------------------------------------------------------------------------


@dataclass
class AnnualTables:
    two: list[TwoSection]
    three: list[Row]
    four: dict
    columns: list[str]
    result_columns: tuple = RESULT_COLUMNS
    case_groups: tuple = CASE_GROUPS

    @property
    def adds_up(self) -> bool:
        rows = {row.key: row for row in self.three}
        for i in range(len(COLUMNS) + 1):
            if rows["carried_in"].cells[i] + rows["received"].cells[i] != (
                rows["total"].cells[i] + rows["carried_over"].cells[i]
            ):
                return False
        return True

    def four_rows(self) -> list[tuple[str, list[int]]]:
        return [
            (label, [self.four[group][k] for k, _ in RESULT_COLUMNS] + [self.four[group]["total"]])
            for group, label in CASE_GROUPS
        ]


def subtree(org: Organisation):
    return Organisation.objects.subtree_of([org])


def annual_tables(org: Organisation, year: int) -> AnnualTables:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    orgs = subtree(org)
    return AnnualTables(
        table_two(orgs, start, end),
        table_three(orgs, start, end),
        table_four(orgs, start, end),
        [COLUMN_LABELS[k] for k in COLUMNS] + ["总计"],
    )


def scope_for(user, params) -> tuple[Organisation, int]:
    """The unit (by code, among the person's; default the first 街道 they see) and year (default last year)."""
    orgs = visible_orgs(user)
    code = (params.get("org") or "").strip()
    if code:
        org = orgs.filter(code=code).first()
        if org is None:
            raise FazhiError(f"没有找到代码为“{code}”的单位，或您无权查看。", fields={"org": "请选择单位"})
    else:
        org = orgs.filter(kind="street").order_by("path").first() or orgs.order_by("path").first()
        if org is None:
            raise FazhiError("您没有可以查看的单位。", code="permission_denied")
    raw = (params.get("year") or "").strip()
    if not raw:
        return org, today().year - 1
    if not raw.isdigit() or not 2000 <= int(raw) <= today().year:
        raise FazhiError(f"年度“{raw}”无效，请填写2000年至今年之间的年份。", fields={"year": "年度无效"})
    return org, int(raw)
