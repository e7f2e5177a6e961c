"""The drafted report, exported to Word, reads back through the analyzer with the same figures."""

import pytest
from report_fakes import WUCHANG, install_fake_figures

from fazhi.reports import services
from fazhi.reports.analyzer import analyze
from fazhi.reports.compose import to_document
from fazhi.reports.render import render


@pytest.fixture
def figures(monkeypatch):
    return install_fake_figures(monkeypatch)


def test_analyzer_reads_back_the_drafted_figures(tree, person, figures, tmp_path):
    writer = person("fazhiban", "office", tree["a"])
    report = services.draft_report(writer, tree["a"], 2024)
    path = tmp_path / "report.docx"
    path.write_bytes(render(to_document(report), "docx"))

    result = analyze(str(path))

    found = {mention.code: mention for mention in result.figures if mention.code}
    for code in (
        "disputes.received",
        "disputes.mediated_success",
        "disputes.received.street_committee",
        "disputes.received.community_committee",
        "disputes.police_joint",
    ):
        assert found[code].value == WUCHANG[code][2024], code
    assert str(found["disputes.success_rate"].value) == "99.81"
    assert found["disputes.received"].comparison.text == "同比上升18.22%"
    assert (found["disputes.amount_involved"].value, found["disputes.amount_involved"].unit) == (1880, "万元")
    # the optional 整改 part, empty here, is not exported; the analyzer does not require it either
    assert all(item.present for item in result.mandated if item.required)
    assert (result.title, result.issuer, result.year) == (report.title, "甲街道", 2024)
