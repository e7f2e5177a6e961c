"""Tallied figures (issue 21): values() computes every tally of one ledger model and date in one
conditional-aggregate query for both years, and gives what each figure computed alone gives."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.disputes import services
from fazhi.figures import aggregate, registry
from fazhi.figures.compute import values
from fazhi.figures.periods import Period
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import clock_at
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def disputes(tree, person):
    """Disputes of 甲街道 over 2025 and 2026: received, settled (one across the year end), failed,
    one dispatched, one joined by a 驿站, amounts; one of 乙街道 that must never count."""
    actor = person("office", "office", tree["a"])
    station = Organisation.objects.create(
        code="a-yz", name="甲驿站", short_name="甲驿", kind=Kind.LEGAL_STATION, parent=tree["a"]
    )
    made = []
    for received, concluded, outcome, amount in (
        (D(2025, 3, 3), D(2025, 3, 20), "success", Decimal("1200.50")),
        (D(2025, 12, 22), D(2026, 1, 8), "success", Decimal("300")),
        (D(2026, 2, 2), D(2026, 2, 25), "failure", None),
        (D(2026, 4, 1), None, None, None),
        (D(2026, 5, 6), D(2026, 5, 20), "success", None),
    ):
        persons = 3 if amount else 60  # 60 is a 群体性纠纷 at any configured threshold
        dispute = new_dispute(actor, tree["a-tw"], received_on=received, persons=persons)
        if outcome:
            dispute = services.add_session(
                actor,
                dispute,
                dispute.version,
                held_on=received,
                place="调解室",
                mediators="李调解",
                notes="调解",
            )
        if outcome == "success":
            dispute = services.conclude_success(
                actor,
                dispute,
                dispute.version,
                concluded_on=concluded,
                agreement_text="协议",
                amount_recovered=amount,
            )
        elif outcome == "failure":
            dispute = services.conclude_failure(
                actor, dispute, dispute.version, concluded_on=concluded, referred_to="litigation"
            )
        made.append(dispute)
    services.dispatch(actor, made[3], made[3].version, tree["a-sq-tw"])
    made[4].assisting_units.set([station])
    other = person("other", "office", tree["b"])
    new_dispute(other, tree["b-tw"], received_on=D(2026, 3, 3))
    return made


def tallied_codes(prefix=""):
    return [f.code for f in registry.all_figures() if (f.tally or f.parts) and f.code.startswith(prefix)]


def test_every_tally_and_ratio_gives_what_it_computes_alone(tree, disputes):
    codes = tallied_codes()
    found = values(tree["a"], codes, 2026)
    orgs = Organisation.objects.subtree_of([tree["a"]])
    for code in codes:
        fig = registry.get(code)
        alone = (
            fig.compute(orgs, D(2026, 1, 1), D(2026, 12, 31)),
            fig.compute(orgs, D(2025, 1, 1), D(2025, 12, 31)),
        )
        assert (found[code].value, found[code].previous) == alone, code
    # the data reaches the figures (not a comparison of zeros)
    assert (found["disputes.received"].value, found["disputes.received"].previous) == (3, 2)
    assert found["disputes.mediated_success"].value == 2 and found["disputes.closed"].value == 3
    assert found["disputes.success_rate"].value == Decimal("66.67")
    assert found["disputes.amount_recovered"].value == Decimal("300")
    assert found["disputes.amount_recovered"].previous == Decimal("1200.50")
    assert found["disputes.persons_involved"].value == 180
    assert found["disputes.dispatched"].value == 1 and found["disputes.legal_station"].value == 1
    assert (found["disputes.group_disputes"].value, found["disputes.group_disputes"].previous) == (3, 0)


def test_one_query_per_ledger_table_for_both_years(tree, disputes):
    codes = tallied_codes("disputes.")
    with CaptureQueriesContext(connection) as queries:
        values(tree["a"], codes, 2026)
    on_disputes = [q["sql"] for q in queries if 'FROM "disputes_dispute"' in q["sql"]]
    # by received_on and by concluded_on: one query, whatever the number of figures, dates and years
    assert len(on_disputes) == 1, on_disputes


def test_a_sum_over_no_rows_is_zero_in_the_fields_type(tree):
    found = values(
        tree["a"], ["disputes.amount_recovered", "disputes.persons_involved", "disputes.success_rate"], 2026
    )
    assert found["disputes.amount_recovered"].value == Decimal("0")
    assert (
        isinstance(found["disputes.persons_involved"].value, int)
        and found["disputes.persons_involved"].value == 0
    )
    assert found["disputes.success_rate"].value is None  # nothing received: no rate


def test_the_query_built_once_answers_as_the_orm_builds_it_each_time(tree, disputes):
    """The aggregate SQL is built once per process and run with each call's organisations and dates: the
    same values as the ORM's aggregate() (what a group the builder leaves alone runs), for a 街道 and the
    district, and no second build."""
    codes = tallied_codes()
    for org in (tree["a"], tree["district"]):
        fast = values(org, codes, 2026)
        with mock.patch.object(aggregate, "tallies", return_value=None):
            slow = values(org, codes, 2026)
        assert fast == slow
    with mock.patch.object(aggregate, "_compile", wraps=aggregate._compile) as compiling:
        values(tree["b"], codes, 2025)
    assert not compiling.called


def test_a_condition_on_today_is_built_again_when_the_day_changes(tree):
    """到期 (replied, or its date passed) depends on today: each day's query holds that day."""
    codes = ["suggestions.due", "litigation.replies_due"]
    with clock_at(D(2026, 3, 1)):
        values(tree["a"], codes, 2026)
    with mock.patch.object(aggregate, "_compile", wraps=aggregate._compile) as compiling:
        with clock_at(D(2026, 3, 1)):
            values(tree["a"], codes, 2026)
        assert not compiling.called
        with clock_at(D(2026, 3, 2)):
            values(tree["a"], codes, 2026)
        assert compiling.called


def test_a_shared_table_runs_once_per_batch_and_each_time_outside_one(tree):
    calls = []

    @registry.shared
    def table(orgs, start, end):
        calls.append(start.year)
        return {"a": 1, "b": 2}

    cells = [registry.Figure(f"test.cell_{k}", k, "件", lambda o, s, e, k=k: table(o, s, e)[k]) for k in "ab"]
    for cell in cells:
        registry.declare(cell)
    try:
        found = values(tree["a"], ["test.cell_a", "test.cell_b"], 2026)
    finally:
        for cell in cells:
            registry._REGISTRY.pop(cell.code)
    assert (found["test.cell_a"].value, found["test.cell_b"].previous) == (1, 2)
    assert sorted(calls) == [2025, 2026]  # two figures, two years: the table once a year
    orgs = Organisation.objects.subtree_of([tree["a"]])
    cells[0].compute(orgs, D(2026, 1, 1), D(2026, 12, 31))
    cells[1].compute(orgs, D(2026, 1, 1), D(2026, 12, 31))
    assert sorted(calls) == [2025, 2026, 2026, 2026]  # outside a batch nothing is kept


def received_rows(orgs, start, end):
    """The disputes' receipt days in the period, per unit (a row query, as the function figures' are)."""
    from fazhi.disputes.models import Dispute

    return (
        Dispute.objects.filter(org__in=orgs, received_on__gte=start, received_on__lte=end)
        .values_list("org", "received_on")
        .order_by("received_on")
    )


def test_a_function_figure_s_query_is_built_once_and_answers_each_call_as_the_orm(tree, disputes):
    """Precompiled: rows (dates converted as the ORM converts them) and an aggregate, for other units and
    dates than the first call's, never built again; the same as the ORM each time."""
    from django.db.models import Count, Q

    from fazhi.disputes.models import Dispute

    built = []

    def rows(orgs, start, end):
        built.append(start)
        return received_rows(orgs, start, end)

    def counts(orgs, start, end):
        built.append(start)
        return Dispute.objects.filter(org__in=orgs), {
            "open": Count("pk", filter=Q(received_on__lte=end, concluded_on__isnull=True)),
            "received": Count("pk", filter=Q(received_on__gte=start, received_on__lte=end)),
        }

    fast_rows, fast_counts = aggregate.Precompiled(rows), aggregate.Precompiled(counts)
    for org, year in ((tree["a"], 2026), (tree["a"], 2025), (tree["district"], 2026), (tree["b"], 2026)):
        orgs = Organisation.objects.subtree_of([org])
        start, end = D(year, 1, 1), D(year, 12, 31)
        slow_qs, terms = counts(orgs, start, end)
        assert fast_rows(orgs, start, end) == list(received_rows(orgs, start, end))
        assert fast_counts(orgs, start, end) == slow_qs.aggregate(**terms)
    assert built.count(D(5, 6, 1)) == 2 and len(built) == 2 + 4  # one build each, then the ORM's
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert [day for _, day in fast_rows(orgs, D(2026, 1, 1), D(2026, 12, 31))] == [
        D(2026, 2, 2), D(2026, 4, 1), D(2026, 5, 6)
    ]  # fmt: skip
    assert fast_counts(orgs, D(2026, 1, 1), D(2026, 12, 31)) == {"open": 1, "received": 3}


def test_a_query_that_moves_a_date_is_left_to_the_orm(tree, disputes):
    """A bound computed from the stand-in (the day before the period) would be kept as it is: found out at
    the first build, such a query is built by the ORM on each call and stays right."""
    fast = aggregate.Precompiled(
        lambda orgs, start, end: received_rows(orgs, start - datetime.timedelta(days=10), end)
    )
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert fast(orgs, D(2026, 1, 1), D(2026, 12, 31)) == list(
        received_rows(orgs, D(2025, 12, 22), D(2026, 12, 31))
    )
    assert len(fast(orgs, D(2026, 1, 1), D(2026, 12, 31))) == 4  # 2025-12-22 counts: the moved date was used
    assert next(iter(fast._compiled.values())) is None


def test_a_query_by_year_is_kept_and_a_year_moved_is_left_to_the_orm(tree):
    """Precompiled(by_year=True): the period's years reach the SQL as bounds of their own (the kept SQL
    answers other years right); a query reading the year before (start.year - 1) is found out at the
    first build and left to the ORM, still right."""
    from django.db.models import Sum

    from fazhi.figures.models import ManualFigure, ManualValue

    fig = ManualFigure.objects.create(
        code="hand.y", label="手填", unit="次", kind=ManualFigure.Kind.HAND_ENTERED
    )
    for org, year, value in (
        (tree["a"], 2024, 1),
        (tree["a"], 2025, 10),
        (tree["a-tw"], 2026, 100),
        (tree["b"], 2026, 1000),
    ):
        ManualValue.objects.create(figure=fig, org=org, year=year, value=value)

    def by_years(first_year):
        return lambda orgs, start, end: (
            ManualValue.objects.filter(org__in=orgs, year__gte=first_year(start), year__lte=end.year),
            {"n": Sum("value")},
        )

    kept = aggregate.Precompiled(by_years(lambda start: start.year), by_year=True)
    moved = aggregate.Precompiled(by_years(lambda start: start.year - 1), by_year=True)
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert kept(orgs, D(2026, 3, 1), D(2026, 5, 1)) == {"n": 100}  # the 社区's 2026, by its year
    assert kept(orgs, D(2024, 1, 1), D(2025, 12, 31)) == {"n": 11}
    assert next(iter(kept._compiled.values())) is not None
    assert moved(orgs, D(2026, 1, 1), D(2026, 12, 31)) == {"n": 110}  # 2025 and 2026
    assert next(iter(moved._compiled.values())) is None


def test_hand_entered_values_are_read_in_one_query_for_a_subtree_s_years(tree, person):
    """manual_values: one query whatever the number of codes; other codes, years and subtrees left out."""
    from fazhi.figures.manual import manual_values
    from fazhi.figures.models import ManualFigure, ManualValue

    figures = [
        ManualFigure.objects.create(
            code=f"hand.{n}", label=f"手填{n}", unit="次", kind=ManualFigure.Kind.HAND_ENTERED
        )
        for n in range(3)
    ]
    for org, year, fig, value in (
        (tree["a"], 2026, figures[0], 5),
        (tree["a-tw"], 2026, figures[1], 2),
        (tree["a"], 2025, figures[1], 7),
        (tree["a"], 2024, figures[0], 9),  # a year not asked
        (tree["b"], 2026, figures[0], 11),  # another 街道
        (tree["a"], 2026, figures[2], 13),  # a code not asked
    ):
        ManualValue.objects.create(figure=fig, org=org, year=year, value=value)
    with CaptureQueriesContext(connection) as queries:
        found = manual_values(["hand.0", "hand.1"], tree["a"], [2026, 2025])
    assert len(queries.captured_queries) == 1
    assert found.get("hand.0", 2026) == (Decimal(5), False)
    assert found.get("hand.1", 2026) == (Decimal(2), False)  # from the unit below, by the rule
    assert found.get("hand.1", 2025) == (Decimal(7), False)
    assert found.get("hand.0", 2024) is None and found.get("hand.2", 2026) is None
    assert manual_values(["hand.0"], tree["a"], []).get("hand.0", 2026) is None


def test_every_function_figure_and_breakdown_query_is_kept(tree, disputes):
    """Each Precompiled query of the figures (function figures, breakdowns, hand-entered values) is built
    once and kept: none is found out as one to leave to the ORM on every call, which would be right but
    cost the dashboard the ORM's build of it on each request."""
    import sys

    from fazhi.figures.dashboard import breakdowns

    values(tree["a"], [f.code for f in registry.all_figures()], 2026)
    assert breakdowns(tree["a"], Period.year(2026))
    declared = [
        value
        for name, module in list(sys.modules.items())
        if name.startswith("fazhi.")
        for value in vars(module).values()
        if isinstance(value, aggregate.Precompiled)
    ]
    kept = [o for o in declared if o._compiled]
    assert len(kept) >= 20
    left = [o.build.__module__ for o in kept if any(c is None for c in o._compiled.values())]
    assert not left


def test_cards_and_trend_read_each_ledger_table_once(tree, disputes):
    """values_and_series: the year's values as values() gives them, each month's as values() of that month
    gives them, and the disputes table read by one query for all of it."""
    from fazhi.figures.compute import values_and_series

    codes = ["disputes.received", "disputes.success_rate", "disputes.amount_recovered"]
    months = Period.year(2026).month_periods()
    with CaptureQueriesContext(connection) as queries:
        found, by_month = values_and_series(
            tree["a"], codes, Period.year(2026), ["disputes.received"], months
        )
    assert sum('FROM "disputes_dispute"' in q["sql"] for q in queries.captured_queries) == 1
    assert found == values(tree["a"], codes, 2026)
    assert by_month["disputes.received"] == [
        values(tree["a"], ["disputes.received"], m)["disputes.received"].value for m in months
    ]
    assert by_month["disputes.received"][1:5] == [1, 0, 1, 1]  # February, March, April, May
