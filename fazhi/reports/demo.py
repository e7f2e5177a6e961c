"""Demo: 五常街道's 2024 report in the office's own outline, drafted from the demo ledgers, so that the
report pages open on a real draft.

五常 2024 does not follow the 纲要 chapters: item 一 has three sub-heads of its own, and the 落款 is the
organ's full legal name. Both are set up here the way a 法治办 would on the edit page.
"""

from .models import AnnualReport, Section
from .outline import MEASURES
from .sections import add_section
from .services import create_report, draft_report, update_report

WUCHANG_ISSUER = "杭州市余杭区人民政府五常街道办事处"
WUCHANG_OUTLINE = (
    (
        "加强法治街道建设，持续推进质效提升",
        ("legal_review.summary", "litigation.summary", "services.summary", "disclosure.summary"),
    ),
    (
        "扎实推进抓源促治，强化纠纷源头化解",
        (
            "disputes.summary",
            "petitions.summary",
            "demands.summary",
            "council.summary",
            "enforcement.summary",
        ),
    ),
    ("深入开展普法宣传，提高群众法治素养", ("pufa.summary", "study.summary")),
)


def _wuchang_outline(user, org) -> AnnualReport:
    report = create_report(user, org, 2024, chapters=())
    measures = Section.objects.get(report=report, key=MEASURES)
    for title, keys in WUCHANG_OUTLINE:
        add_section(user, report, title, parent=measures, draft_keys=keys)
    report.refresh_from_db()
    return update_report(user, report, report.version, issuer=WUCHANG_ISSUER)


def load_demo(orgs, users, stdout) -> None:
    if not AnnualReport.objects.filter(org=orgs["wuchang"], year=2024).exists():
        _wuchang_outline(users["fazhiban"], orgs["wuchang"])
    report = draft_report(users["fazhiban"], orgs["wuchang"], 2024)
    paragraphs = sum(section.paragraphs.count() for section in report.sections.all())
    stdout.write(f"年度报告：已起草{report.title}（{paragraphs}段，待法治办修改、送审）")
