"""`fazhi annual_report ORG_CODE YEAR --output FILE` writes .docx, .md and .txt."""

import docx
import pytest
from django.core.management import CommandError, call_command
from report_fakes import install_fake_figures

from fazhi.audit.models import AuditEntry
from fazhi.reports.models import AnnualReport, Paragraph


@pytest.fixture
def figures(monkeypatch):
    return install_fake_figures(monkeypatch)


def test_docx_is_created_drafted_and_contains_the_numbers(tree, figures, tmp_path):
    out = tmp_path / "report.docx"
    call_command("annual_report", "a", "2024", "--output", str(out))
    report = AnnualReport.objects.get(org=tree["a"], year=2024)
    assert Paragraph.objects.filter(section__report=report, draft_key="disputes.summary").exists()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "甲街道2024年法治政府建设年度报告" in text
    assert "共接收矛盾纠纷3218件，同比上升18.22%，调解成功3212件，调解成功率99.81%" in text
    assert "一、2024年推进法治政府建设的主要举措和成效" in text
    assert AuditEntry.objects.filter(target_id=str(report.pk), actor_name="系统").exists()


@pytest.mark.parametrize("name", ["report.md", "report.txt"])
def test_text_formats_by_extension(tree, figures, tmp_path, name):
    out = tmp_path / name
    call_command("annual_report", "a", "2024", "-o", str(out))
    content = out.read_text(encoding="utf-8")
    assert "3218" in content and "同比上升18.22%" in content
    if name.endswith(".md"):
        assert content.startswith("# ")
    else:
        assert not content.startswith("#")


def test_second_run_keeps_edits(tree, figures, tmp_path, person):
    from fazhi.reports import services

    call_command("annual_report", "a", "2024", "-o", str(tmp_path / "one.txt"))
    writer = person("fazhiban", "office", tree["a"])
    paragraph = Paragraph.objects.get(draft_key="disputes.summary")
    services.save_paragraph(writer, paragraph, paragraph.version, "全年受理纠纷{{disputes.received}}件。")
    call_command("annual_report", "a", "2024", "-o", str(tmp_path / "two.txt"))
    assert "全年受理纠纷3218件。" in (tmp_path / "two.txt").read_text(encoding="utf-8")


def test_unknown_org_and_extension_are_explained(tree, tmp_path):
    with pytest.raises(CommandError, match="没有代码为“nowhere”的单位"):
        call_command("annual_report", "nowhere", "2024", "-o", str(tmp_path / "r.docx"))
    with pytest.raises(CommandError, match="无法按文件扩展名"):
        call_command("annual_report", "a", "2024", "-o", str(tmp_path / "r.pdf"))
    with pytest.raises(CommandError, match="不是街道或区"):
        call_command("annual_report", "a-tw", "2024", "-o", str(tmp_path / "r.docx"))
    with pytest.raises(CommandError, match="没有用户名"):
        call_command("annual_report", "a", "2024", "-o", str(tmp_path / "r.docx"), "--user", "ghost")


def test_user_option_checks_the_permission(tree, person, tmp_path):
    person("other", "office", tree["b"])
    with pytest.raises(CommandError, match="无权"):
        call_command("annual_report", "a", "2024", "-o", str(tmp_path / "r.docx"), "--user", "other")
