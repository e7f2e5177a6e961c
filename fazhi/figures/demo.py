"""Demo: the hand-entered figures of the 五常 2024, 西乡 2023 and 观澜 2024 reports, and the 2023 baseline
that 五常's year-on-year rate implies.

Only what no ledger records is entered by hand. The 调解员培训250人次, the 驿站's 法律讲座42场, the 普法
materials 3000份 and the 700人次 consultations were once entered here; the learning ledger now computes them
from its records (fazhi/learning/demo.py), so they are not. What remains is 五常's 调解经费, which no ledger
keeps (NEXT-LEDGERS.md, hand-entry route): "和合"社会组织调解服务资金保障44万, 诉前调解40万, the new
"以奖代补" budget of 10万元 and the 20万 of the 知识产权 诉源治理 project.
"""

from decimal import Decimal

from . import catalogue, registry
from .manual import import_baseline, set_value

# (code of the starter catalogue, fazhi.figures.catalogue; 五常 2024 value as the seed report states it)
HAND_ENTERED = [
    ("manual.mediation_funding", 44),
    ("manual.prelitigation_funding", 40),
    ("manual.award_subsidy_budget", 10),
    ("manual.source_governance_funding", 20),
]

# 西乡 2023: what its report states and no ledger records — 理论宣讲, 主题教育, 政务服务大厅 and 社区窗口,
# 惠企 and 营商, 应急演练, 劳资纠纷 and 劳动仲裁, 政务诚信, recruitment — entered by its 法治办 for the year
# (NEXT-LEDGERS.md, hand-entry route). (code, value.)
XIXIANG_HAND_ENTERED = [
    ("manual.theory_talks", 1140),
    ("manual.congress_talks", 500),
    ("manual.study_on_law", 18),
    ("manual.reading_class_days", 8),
    ("manual.reading_class_topics", 7),
    ("manual.study_books", 4000),
    ("manual.research_leaders", 23),
    ("manual.hall_accepted", Decimal("15.6")),
    ("manual.hall_certificates", Decimal("2.7")),
    ("manual.hall_consultations", Decimal("8.6")),
    ("manual.communities", 25),
    ("manual.window_total", Decimal("2.62")),
    ("manual.window_services", Decimal("0.84")),
    ("manual.window_certificates", Decimal("0.38")),
    ("manual.cannot_do_window", 50),
    ("manual.subsidy_applications", 392),
    ("manual.subsidy_amount", Decimal("5467.4733")),
    ("manual.subsidy_enterprises", 278),
    ("manual.enterprise_visits", 2028),
    ("manual.enterprise_demands", 234),
    ("manual.enterprise_demands_rate", 100),
    ("manual.enterprises_served", 473),
    ("manual.enterprise_meetings", 16),
    ("manual.key_enterprises", 18),
    ("manual.parks", 4),
    ("manual.parks_enterprises", 80),
    ("manual.cross_plans", 2),
    ("manual.verified_enterprises", 64),
    ("manual.body_cameras", 35),
    ("manual.live_enforcement", 3),
    ("manual.drills", 55),
    ("manual.drill_participants", 5152),
    ("manual.first_responders", 249),
    ("manual.shuoshi_pingli", 65),
    ("manual.labour_cases", 8099),
    ("manual.labour_major_staff", 1013),
    ("manual.labour_major_amount", Decimal("2073.7")),
    ("manual.arbitration_cases", 2724),
    ("manual.web_consultations", 478),
    ("manual.citywide_accepted", 2643),
    ("manual.citywide_registered", 1932),
    ("manual.service_praise_rate", Decimal("99.97")),
    ("manual.law_graduates", 11),
]
# The 派出庭's 2724 cases rose 55% on 2022 (about 1757): entered as the 2022 value of the same figure.
XIXIANG_LAST_YEAR = {"manual.arbitration_cases": 1757}


def _xixiang(street, office) -> None:
    for code, value in XIXIANG_HAND_ENTERED:
        set_value(office, code, street, 2023, value, note="西乡街道2023年法治政府建设年度报告")
    for code, value in XIXIANG_LAST_YEAR.items():
        set_value(office, code, street, 2022, value, note="西乡街道2023年报告所称同比增长55%推得")


# 观澜 2024: what its report states and no ledger records — the 应急处突 team and its 突发事件, the 心理服务's
# 危机事件, 招聘夜市 and 就业驿站 fairs, 助企 visits and 诉求, the 答复书 templates, the court's 调查, the 办事信息
# published, the deputies' 述职 and 茶话会, 民生微实事, the 联系点 and 立法联系点, the AI cameras. The codes 西乡
# also uses (走访企业, 企业诉求, 辖区社区) are the same figures, entered for 观澜's year.
GUANLAN_HAND_ENTERED = [
    ("manual.emergency_team", 43),
    ("manual.emergencies_handled", 306),
    ("manual.crisis_events", 55),
    ("manual.suicide_interventions", 55),
    ("manual.night_job_fairs", 14),
    ("manual.night_job_fairs_enterprises", 150),
    ("manual.night_job_fairs_seekers", 1800),
    ("manual.station_job_fairs", 4),
    ("manual.station_job_fairs_enterprises", 47),
    ("manual.station_job_fairs_seekers", 600),
    ("manual.enterprise_visits", 6297),
    ("manual.policy_notices", 700),
    ("manual.enterprise_demands", 749),
    ("manual.reply_templates", 4),
    ("manual.court_investigations", 5),
    ("manual.published_service_items", 7),
    ("manual.secretary_reports", 1),
    ("manual.secretary_teas", 12),
    ("manual.communities", 10),
    ("manual.micro_projects", 241),
    ("manual.micro_projects_funds", 900),
    ("manual.liaison_committees", 17),
    ("manual.liaison_parks", 16),
    ("manual.legislation_meetings", 8),
    ("manual.legislation_opinions", 106),
    ("manual.ai_cameras", 476),
]


def _guanlan(street, office) -> None:
    for code, value in GUANLAN_HAND_ENTERED:
        set_value(office, code, street, 2024, value, note="观澜街道2024年法治政府建设年度报告")


# 3218 received in 2024, "同比上升18.22%": 2023 had 2722 (3218 / 1.1822).
RECEIVED_2023 = 2722
RECEIVED_PHRASE = "接收矛盾纠纷"


def load_demo(orgs, users, stdout) -> None:
    street, office = orgs["wuchang"], users["fazhiban"]
    catalogue.install()  # shipped by a migration; again here after a test database was flushed
    registry.mark_stale()
    for code, value in HAND_ENTERED:
        set_value(office, code, street, 2024, value, note="五常街道2024年法治政府建设年度报告")
    if "xixiang-fzb" in users:
        _xixiang(orgs["xixiang"], users["xixiang-fzb"])
    if "guanlan-fzb" in users:
        _guanlan(orgs["guanlan"], users["guanlan-fzb"])
    registry.mark_stale()
    code = registry.code_for_phrase(RECEIVED_PHRASE)
    if code and not registry.get(code).hand_entered:
        import_baseline(office, street, 2023, {code: RECEIVED_2023})
        stdout.write(f"指标：五常街道2023年基线 {code}={RECEIVED_2023}（来自已发布报告）")
    stdout.write(f"指标：{len(HAND_ENTERED)}项手工填报指标（五常街道2024年）")
    stdout.write(f"指标：{len(XIXIANG_HAND_ENTERED)}项手工填报指标（西乡街道2023年）")
    stdout.write(f"指标：{len(GUANLAN_HAND_ENTERED)}项手工填报指标（观澜街道2024年）")
