"""政务公开 in the demo (run on test_demo_of_a_december_day's load): table 三 of the demo years adds up (rows,
columns, 上年结转 + 新收 = 办结 + 结转, and one year's 结转 is the next one's 上年结转), the requests pause, extend,
link cases and stay open near their limits, the postings reproduce the seed and table 二, and the report
drafts the 政务公开 paragraph from the same codes."""

from django.core.management import call_command

from fazhi.dates import today
from fazhi.disclosure.models import DisclosureRequest
from fazhi.disclosure.table import annual_tables
from tests.demo.figure import value


def test_disclosure_table_three_adds_up_and_chains_across_years(demo):
    wuchang = demo.orgs["wuchang"]
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
    for year in (2024, 2025):
        assert value(demo.orgs, "disclosure.carried_over", year - 1) == value(
            demo.orgs, "disclosure.carried_in", year
        )
    assert value(demo.orgs, "disclosure.carried_in", 2024) > 0  # December requests answered in January


def test_disclosure_has_pauses_extensions_links_and_open_requests(demo):
    assert DisclosureRequest.objects.exclude(correction_requested_on=None).exists()
    assert DisclosureRequest.objects.exclude(extension_days=None).exists()
    assert DisclosureRequest.objects.filter(consultations__isnull=False).exists()
    assert DisclosureRequest.objects.filter(cases__isnull=False).exists()
    open_now = DisclosureRequest.objects.exclude(status="replied").filter(received_on__year=today().year)
    assert any(r.deadline_status() == "overdue" for r in open_now)
    assert DisclosureRequest.objects.filter(org__code="cangqian-office").exists()
    # every demo record's due date is what the services would have computed
    for r in DisclosureRequest.objects.prefetch_related("consultations")[:60]:
        due = r.due_date
        r.refresh_deadlines(consultations=list(r.consultations.all()))
        assert r.due_date == due, r.number


def test_annual_report_drafts_the_disclosure_paragraph(demo, tmp_path):
    out = tmp_path / "report.txt"
    call_command("annual_report", "wuchang", "2024", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    received = value(demo.orgs, "disclosure.received")
    replied = value(demo.orgs, "disclosure.replied")
    assert f"2024年，街道共收到政府信息公开申请{received}件" in text
    assert f"办结{replied}件" in text and "办结的申请中，予以公开" in text


def test_disclosure_postings_reproduce_the_seed_and_table_two(demo, tmp_path):
    columns = ("news", "notice", "finance", "interpretation")
    # 五常's own portal columns; 西乡 2023's 工作动态49篇、通知公告27篇、财政审计文件16篇、政策解读3篇 on 西乡
    assert [value(demo.orgs, f"disclosure.postings.{k}") for k in columns] == [58, 31, 12, 4]
    assert [value(demo.orgs, f"disclosure.postings.{k}", 2023, "xixiang") for k in columns] == [49, 27, 16, 3]
    two = {
        label: values
        for section in annual_tables(demo.orgs["wuchang"], 2024).two
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
