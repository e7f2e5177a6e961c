"""The report outline's forms answer an id that is no id ("abc", "²", a number too long for a key) like one
they do not know: 404 or the form's own message, never an error page (two 500s found on 2026-12-02)."""

import pytest
from report_fakes import install_fake_figures

from fazhi.reports import services
from fazhi.reports.models import Paragraph

NOT_IDS = ["abc", "²", "-1", "1.5", "9" * 30]


@pytest.fixture
def report(tree, person, client, monkeypatch):
    install_fake_figures(monkeypatch)
    writer = person("fazhiban", "office", tree["a"])
    client.force_login(writer)
    report = services.create_report(writer, tree["a"], 2024)
    services.draft(writer, report)
    return report


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_outline_refuses_what_is_no_section_or_unit(client, report, value):
    assert (
        client.post(f"/reports/{report.pk}/sections/", {"title": "新标题", "parent": value}).status_code
        == 404
    )
    paragraph = Paragraph.objects.filter(section__report=report).first()
    moved = client.post(f"/reports/paragraphs/{paragraph.pk}/move/", {"section": value}, follow=True)
    assert moved.status_code == 200 and "请选择要移入的部分。" in moved.content.decode()
    noted = client.post("/reports/plans/", {"org": value, "year": "2025", "text": "打算"}, follow=True)
    assert noted.status_code == 200 and "请选择单位。" in noted.content.decode()
