"""Figures and the demo: table 三 of the demo years adds up (rows, columns, 上年结转 + 新收 = 办结 + 结转,
and one year's 结转 is the next one's 上年结转); table 四 counts the linked cases; the report drafts the
政务公开 paragraph from the same codes."""

import datetime

import pytest
from django.core.management import call_command

from fazhi.disclosure import services
from fazhi.disclosure.demo import load_demo
from fazhi.disclosure.models import DisclosureRequest
from fazhi.disclosure.table import annual_tables
from fazhi.figures import registry
from fazhi.orgs.models import Organisation
from tests.conftest import TODAY, demo_loaded
from tests.disclosure.disclosure_fixtures import new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def year_value(code, orgs, year):
    return registry.get(code).compute(orgs, D(year, 1, 1), D(year, 12, 31))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module, on the tests' pinned day."""
    from fazhi.litigation.demo import load_demo as load_litigation

    with demo_loaded(django_db_blocker, load_litigation, load_demo, day=TODAY) as (orgs, _):
        yield orgs


def test_demo_table_three_adds_up_and_chains_across_years(demo):
    wuchang = demo["wuchang"]
    for year in (2023, 2024, 2025):
        tables = annual_tables(wuchang, year)
        assert tables.adds_up, year
        rows = {row.key: row for row in tables.three}
        for row in tables.three:
            if row.total is not None:
                assert sum(row.cells[:-1]) == row.total, row.label  # the columns add up
        items = [
            r
            for r in tables.three
            if r.cells[0] is not None and r.key not in {"received", "carried_in", "total", "carried_over"}
        ]
        assert sum(r.total for r in items) == rows["total"].total  # the outcome rows add up to 总计
        assert rows["received"].total > 30
        assert rows["public"].total > 0 and rows["unavailable_not_held"].total > 0
    subtree = Organisation.objects.subtree_of([wuchang])
    for year in (2024, 2025):
        assert year_value("disclosure.carried_over", subtree, year - 1) == year_value(
            "disclosure.carried_in", subtree, year
        )
    assert year_value("disclosure.carried_in", subtree, 2024) > 0  # December requests answered in January


def test_demo_has_pauses_extensions_links_and_open_requests(demo):
    assert DisclosureRequest.objects.exclude(correction_requested_on=None).exists()
    assert DisclosureRequest.objects.exclude(extension_days=None).exists()
    assert DisclosureRequest.objects.filter(consultations__isnull=False).exists()
    assert DisclosureRequest.objects.filter(cases__isnull=False).exists()
    open_now = DisclosureRequest.objects.exclude(status="replied").filter(received_on__year=2026)
    assert any(r.deadline_status() == "overdue" for r in open_now)
    assert DisclosureRequest.objects.filter(org__code="cangqian-office").exists()
    # every demo record's due date is what the services would have computed
    for r in DisclosureRequest.objects.prefetch_related("consultations")[:60]:
        due = r.due_date
        r.refresh_deadlines(consultations=list(r.consultations.all()))
        assert r.due_date == due, r.number


def test_table_four_counts_linked_cases_by_result(tree, person):
    from fazhi.litigation import services as litigation

    clerk = person("gk", "petition", tree["a"])
    writer = person("lit", "office", tree["a"])
    r = new_request(clerk, tree["a"], received_on=D(2026, 3, 2))
    r = services.reply(clerk, r, r.version, replied_on=D(2026, 3, 20), outcome="withheld_process")

    def case(kind, outcome=None):
        c = litigation.register_case(
            writer, org=tree["a"], kind=kind, court="测试区人民政府", disputed_act="政府信息公开申请答复",
            copy_received_on=D(2026, 4, 1), parties=[litigation.PartyData(name="张三")],
        )  # fmt: skip
        if outcome:
            c = litigation.conclude(writer, c, c.version, outcome=outcome, concluded_on=D(2026, 6, 1))
        return c

    nonlocal_r = r
    for c in (case("reconsideration", "upheld"), case("administrative", "lost"), case("administrative")):
        nonlocal_r = services.link_case(clerk, nonlocal_r, nonlocal_r.version, case=c)
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert year_value("disclosure.cases.reconsideration.upheld", orgs, 2026) == 1
    assert year_value("disclosure.cases.after_reconsideration.corrected", orgs, 2026) == 1
    assert year_value("disclosure.cases.after_reconsideration.pending", orgs, 2026) == 1
    assert year_value("disclosure.cases.direct", orgs, 2026) == 0
    assert year_value("disclosure.reconsideration", orgs, 2026) == 1
    assert year_value("disclosure.litigation", orgs, 2026) == 2
    assert year_value("disclosure.replied.withheld", orgs, 2026) == 1
    assert year_value("disclosure.replied.withheld_process", orgs, 2026) == 1


def test_on_time_rate_counts_late_replies(tree, person):
    clerk = person("gk", "petition", tree["a"])
    late = new_request(clerk, tree["a"], received_on=D(2026, 5, 4))
    services.reply(clerk, late, late.version, replied_on=D(2026, 7, 14), outcome="public")
    on_time = new_request(clerk, tree["a"], received_on=D(2026, 7, 1))
    services.reply(clerk, on_time, on_time.version, replied_on=D(2026, 7, 10), outcome="public")
    orgs = Organisation.objects.subtree_of([tree["a"]])
    assert year_value("disclosure.replied_late", orgs, 2026) == 1
    assert year_value("disclosure.on_time_rate", orgs, 2026) == 50


def test_annual_report_drafts_the_disclosure_paragraph(demo, tmp_path):
    out = tmp_path / "report.txt"
    call_command("annual_report", "wuchang", "2024", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    subtree = Organisation.objects.subtree_of([demo["wuchang"]])
    received = year_value("disclosure.received", subtree, 2024)
    replied = year_value("disclosure.replied", subtree, 2024)
    assert f"2024年，街道共收到政府信息公开申请{received}件" in text
    assert f"办结{replied}件" in text and "办结的申请中，予以公开" in text


def test_demo_postings_reproduce_the_seed_and_table_two(demo, tmp_path):
    subtree = Organisation.objects.subtree_of([demo["wuchang"]])
    # 五常's own portal columns; 西乡 2023's 工作动态49篇、通知公告27篇、财政审计文件16篇、政策解读3篇 on 西乡
    published = [
        year_value(f"disclosure.postings.{k}", subtree, 2024)
        for k in ("news", "notice", "finance", "interpretation")
    ]
    assert published == [58, 31, 12, 4]
    xixiang = Organisation.objects.subtree_of([demo["xixiang"]])
    assert [
        year_value(f"disclosure.postings.{k}", xixiang, 2023)
        for k in ("news", "notice", "finance", "interpretation")
    ] == [49, 27, 16, 3]
    two = {
        label: values
        for section in annual_tables(demo["wuchang"], 2024).two
        for label, values in section.rows
    }
    assert two["行政规范性文件"] == [1, 1, 2]  # one issued, one of 2023 repealed, two in force
    assert two["行政强制"] == [5] and two["行政许可"] == [0]
    from fazhi.disclosure.models import Posting

    open_postings = Posting.objects.filter(status="pending")
    assert {p.deadline_status() for p in open_postings} >= {"overdue"}
    out = tmp_path / "report.txt"
    call_command("annual_report", "wuchang", "2024", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "2024年，街道主动公开发布工作动态58篇，通知公告31篇，财政审计文件12篇，政策解读4篇。" in text
