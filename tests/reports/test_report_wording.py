"""Wording that reads right: rate changes in points, zero claims, bad rises, 件/宗, money, keyword, 落款."""

from decimal import Decimal

import pytest
from report_fakes import install_fake_figures

from fazhi.figures import registry
from fazhi.figures.registry import Figure
from fazhi.reports import services
from fazhi.reports.completeness import problems
from fazhi.reports.compose import to_document
from fazhi.reports.models import Paragraph
from fazhi.reports.render_text import render_text


@pytest.fixture
def fake_figures(monkeypatch):
    data = install_fake_figures(monkeypatch)
    extra = {
        "litigation.cases": ("诉讼案件", "起", {2024: 72, 2023: 59}),
        "litigation.lost": ("行政诉讼败诉", "件", {2024: 0, 2023: 1}),
    }
    for code, (label, unit, years) in extra.items():
        data.numbers[code] = dict(years)
        registry.declare(Figure(code=code, label=label, unit=unit, compute=data.compute_for(code)))
    return data


@pytest.fixture
def writer(tree, person):
    return person("fazhiban", "office", tree["a"])


def text_of(report):
    return render_text(to_document(report))


def edit(writer, report, key, text):
    paragraph = Paragraph.objects.get(section__report=report, draft_key=key)
    return services.save_paragraph(writer, paragraph, paragraph.version, text)


def test_a_rates_change_is_in_points_not_a_percentage_of_a_percentage(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    edit(writer, report, "disputes.summary", "调解成功率{{change:disputes.success_rate}}。")
    text = text_of(report)
    assert "调解成功率同比提高0.62个百分点。" in text
    assert "0.63%" not in text  # (99.81 − 99.19) / 99.19 would be 0.63%


def test_zero_is_a_claim_and_the_claim_cannot_outlive_the_facts(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    text = text_of(report)
    assert "未发生行政诉讼败诉案件。" in text
    # more lawsuits against the office is no achievement: no "同比上升22.03%"
    assert "诉讼案件72起" in text and "22.03%" not in text

    fake_figures.numbers["litigation.lost"][2024] = 1
    assert any("写明没有" in p and "litigation.lost" in p for p in problems(report))
    # re-drafted with a lost suit the claim is simply not made
    services.draft(writer, report)
    assert "未发生行政诉讼败诉案件" not in text_of(report)


def test_a_fall_in_lawsuits_may_be_said(tree, writer, fake_figures):
    fake_figures.numbers["litigation.cases"][2024] = 50
    report = services.draft_report(writer, tree["a"], 2024)
    assert "诉讼案件50起，同比下降15.25%" in text_of(report)


def test_counting_word_money_keyword_and_issuer_are_the_offices_choice(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    assert "深入学习贯彻党的二十届三中全会精神" in text_of(report)
    fake_figures.numbers["disputes.amount_involved"][2024] = Decimal("20278698")
    assert "涉案金额2027.87万元" in text_of(report)

    report = services.update_report(
        writer,
        report,
        report.version,
        issuer="杭州市余杭区人民政府五常街道办事处",
        keyword="党的二十大精神",
        count_word="宗",
        money_style="about",
    )
    services.draft(writer, report)
    report.refresh_from_db()
    text = text_of(report)
    assert "共接收矛盾纠纷3218宗" in text and "调解成功3212宗" in text and "3218件" not in text
    assert "涉案金额约2028万元" in text
    assert "深入学习贯彻党的二十大精神" in text
    assert text.rstrip().splitlines()[-1] == "杭州市余杭区人民政府五常街道办事处"


def test_a_draft_made_before_the_year_is_over_says_up_to_which_day(tree, writer, fake_figures, monkeypatch):
    import datetime

    monkeypatch.setattr("fazhi.reports.figure_source.today", lambda: datetime.date(2024, 11, 30))
    report = services.draft_report(writer, tree["a"], 2024)
    text = text_of(report)
    assert "截至2024年11月30日，街道共接收矛盾纠纷3218件" in text
    assert "现将2024年度法治政府建设情况报告如下" in text  # the year itself is still named as the year
    # compared with the same dates a year before, not with the whole of 2023
    assert (datetime.date(2023, 1, 1), datetime.date(2023, 11, 30)) in fake_figures.periods
    assert (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)) not in fake_figures.periods

    monkeypatch.setattr("fazhi.reports.figure_source.today", lambda: datetime.date(2025, 1, 5))
    services.draft(writer, report)
    text = text_of(report)
    assert "2024年，街道共接收矛盾纠纷3218件" in text and "截至" not in text


def test_the_text_names_the_street_and_the_signature_names_the_organ(tree, writer, fake_figures):
    tree["a"].name = "甲街道办事处"
    tree["a"].save()
    report = services.draft_report(writer, tree["a"], 2024)
    text = text_of(report)
    assert "2024年，甲街道深入学习贯彻" in text and "甲街道办事处深入" not in text
    assert "甲街道办事处" in text.rstrip().splitlines()[-3:]  # the 落款, by the 成文日期
