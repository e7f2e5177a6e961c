"""Demo: 五常街道's 2024 report drafted from the demo ledgers, so that the report pages open on a real draft."""

from .services import draft_report


def load_demo(orgs, users, stdout) -> None:
    report = draft_report(users["fazhiban"], orgs["wuchang"], 2024)
    paragraphs = sum(section.paragraphs.count() for section in report.sections.all())
    stdout.write(f"年度报告：已起草{report.title}（{paragraphs}段，待法治办修改、送审）")
