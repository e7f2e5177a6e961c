"""Demo: the hand-entered figures of the 五常 2024, 西乡 2023 and 观澜 2024 reports, and the 2023 baseline
that 五常's year-on-year rate implies.

Only what no ledger records is entered by hand. The 调解员培训250人次, the 驿站's 法律讲座42场, the 普法
materials 3000份 and the 700人次 consultations were once entered here; the learning ledger now computes them
from its records (fazhi/learning/demo.py), so they are not. What remains is 五常's 调解经费, which no ledger
keeps (NEXT-LEDGERS.md, hand-entry route): "和合"社会组织调解服务资金保障44万, 诉前调解40万, the new
"以奖代补" budget of 10万元 and the 20万 of the 知识产权 诉源治理 project.
"""

from decimal import Decimal

from . import registry
from .manual import import_baseline, set_value
from .models import ManualFigure

# (code, label, unit, other wordings, 五常 2024 value as the seed report states it)
HAND_ENTERED = [
    ("manual.mediation_funding", "调解经费保障", "万元", "调解服务资金保障", 44),
    ("manual.prelitigation_funding", "诉前调解经费保障", "万元", "诉前调解经费", 40),
    ("manual.award_subsidy_budget", "调解“以奖代补”年度经费预算", "万元", "以奖代补经费预算", 10),
    ("manual.source_governance_funding", "诉源治理项目保障经费", "万元", "项目保障经费", 20),
]

# 西乡 2023: what its report states and no ledger records — 理论宣讲, 主题教育, 政务服务大厅 and 社区窗口,
# 惠企 and 营商, 应急演练, 劳资纠纷 and 劳动仲裁, 政务诚信, recruitment — entered by its 法治办 for the year
# (NEXT-LEDGERS.md, hand-entry route). (code, label, unit, other wordings, value.)
XIXIANG_HAND_ENTERED = [
    ("manual.theory_talks", "理论宣讲和政策宣讲活动", "场", "理论宣讲", 1140),
    ("manual.congress_talks", "学习宣传贯彻党的二十大精神宣讲活动", "场", "二十大精神宣讲", 500),
    ("manual.study_on_law", "专题学习习近平法治思想等重要内容", "次", "专题学习", 18),
    ("manual.reading_class_days", "主题教育读书班天数", "天", "读书班", 8),
    ("manual.reading_class_topics", "主题教育专题研讨", "个", "专题研讨", 7),
    ("manual.study_books", "发放主题教育用书", "本", "主题教育用书", 4000),
    ("manual.research_leaders", "处级领导基层调研", "名", "到基层一线调研", 23),
    ("manual.hall_accepted", "行政服务大厅受理业务", "万件", "行政服务大厅受理", Decimal("15.6")),
    ("manual.hall_certificates", "行政服务大厅发证业务", "万件", "大厅发证", Decimal("2.7")),
    ("manual.hall_consultations", "行政服务大厅咨询", "万件", "大厅咨询", Decimal("8.6")),
    ("manual.communities", "辖区社区", "个", "辖区社区数", 25),
    ("manual.window_total", "社区政务综合窗口业务总量", "万件", "社区政务综合窗口", Decimal("2.62")),
    ("manual.window_services", "社区窗口政务服务业务", "万件", "社区政务服务业务", Decimal("0.84")),
    ("manual.window_certificates", "社区窗口发证业务", "万件", "社区发证业务", Decimal("0.38")),
    ("manual.cannot_do_window", "“办不成事反映窗口”解决急事难事", "名", "办不成事反映窗口", 50),
    ("manual.subsidy_applications", "惠企政策申报企业", "个", "企业申报", 392),
    ("manual.subsidy_amount", "发放奖补金额", "万元", "奖补金额", Decimal("5467.4733")),
    ("manual.subsidy_enterprises", "惠及规上工业企业", "家", "规上工业企业", 278),
    ("manual.enterprise_visits", "走访企业", "家次", "挂点服务走访企业", 2028),
    ("manual.enterprise_demands", "收集和处理企业诉求", "件", "企业诉求", 234),
    ("manual.enterprise_demands_rate", "企业诉求办结率", "%", "企业诉求办结", 100),
    ("manual.enterprises_served", "助企服务队服务企业", "家", "服务企业", 473),
    ("manual.enterprise_meetings", "企业诉求协调座谈会", "场", "协调座谈会", 16),
    ("manual.key_enterprises", "解决重点企业急难愁盼", "家", "重点企业", 18),
    ("manual.parks", "惠企宣讲园区", "个", "园区宣讲", 4),
    ("manual.parks_enterprises", "园区惠企宣讲惠及企业", "家", "惠及企业", 80),
    ("manual.cross_plans", "跨街道、跨部门标准化执法计划", "次", "标准化执法计划", 2),
    ("manual.verified_enterprises", "配合检查核实重点企业", "家", "检查核实", 64),
    ("manual.body_cameras", "新增执法记录仪", "台", "执法记录仪", 35),
    ("manual.live_enforcement", "直播式执法活动", "场", "直播式执法", 3),
    ("manual.drills", "应急演练", "场", "各类应急演练", 55),
    ("manual.drill_participants", "应急演练参演人数", "人", "参演人数", 5152),
    ("manual.first_responders", "“应急第一响应人”通过考核", "人", "应急第一响应人", 249),
    ("manual.shuoshi_pingli", "“说事评理”调处纠纷", "宗", "说事评理", 65),
    ("manual.labour_cases", "处理投诉案件和劳资纠纷", "宗", "劳资纠纷", 8099),
    ("manual.labour_major_staff", "重大劳资纠纷涉及员工", "人", "涉及员工", 1013),
    ("manual.labour_major_amount", "重大劳资纠纷涉及金额", "万元", "劳资纠纷涉及金额", Decimal("2073.7")),
    ("manual.arbitration_cases", "劳动仲裁派出庭受理案件", "件", "派出庭受理案件", 2724),
    ("manual.web_consultations", "门户网站办理群众咨询投诉", "条", "群众咨询投诉", 478),
    ("manual.citywide_accepted", "全市域通办受理量", "件", "全市域通办受理", 2643),
    ("manual.citywide_registered", "全市域通办登记量", "件", "全市域通办登记", 1932),
    ("manual.service_praise_rate", "政务服务好评率", "%", "好评率", Decimal("99.97")),
    ("manual.law_graduates", "新招法学专业公务员", "名", "法学专业公务员", 11),
]
# The 派出庭's 2724 cases rose 55% on 2022 (about 1757): entered as the 2022 value of the same figure.
XIXIANG_LAST_YEAR = {"manual.arbitration_cases": 1757}


def _xixiang(street, office) -> None:
    for code, label, unit, phrases, value in XIXIANG_HAND_ENTERED:
        ManualFigure.objects.get_or_create(
            code=code, defaults={"label": label, "unit": unit, "phrases": phrases}
        )
        set_value(office, code, street, 2023, value, note="西乡街道2023年法治政府建设年度报告")
    for code, value in XIXIANG_LAST_YEAR.items():
        set_value(office, code, street, 2022, value, note="西乡街道2023年报告所称同比增长55%推得")


# 观澜 2024: what its report states and no ledger records — the 应急处突 team and its 突发事件, the 心理服务's
# 危机事件, 招聘夜市 and 就业驿站 fairs, 助企 visits and 诉求, the 答复书 templates, the court's 调查, the 办事信息
# published, the deputies' 述职 and 茶话会, 民生微实事, the 联系点 and 立法联系点, the AI cameras. The codes 西乡
# also uses (走访企业, 企业诉求, 辖区社区) are the same figures, entered for 观澜's year.
GUANLAN_HAND_ENTERED = [
    ("manual.emergency_team", "应急处突队伍", "人", "应急处突队伍人数", 43),
    ("manual.emergencies_handled", "处置突发事件", "宗", "突发事件处置", 306),
    ("manual.crisis_events", "应急处置危机事件", "宗", "危机事件", 55),
    ("manual.suicide_interventions", "化解轻生人群", "人次", "轻生人群", 55),
    ("manual.night_job_fairs", "举办招聘夜市", "场", "招聘夜市", 14),
    ("manual.night_job_fairs_enterprises", "招聘夜市服务企业", "家次", "招聘夜市企业", 150),
    ("manual.night_job_fairs_seekers", "招聘夜市进场应聘", "人", "进场应聘", 1800),
    ("manual.station_job_fairs", "就业驿站公益招聘会", "场", "公益招聘会", 4),
    ("manual.station_job_fairs_enterprises", "公益招聘会服务企业", "家次", "公益招聘会企业", 47),
    ("manual.station_job_fairs_seekers", "公益招聘会入场", "人", "公益招聘会入场人数", 600),
    ("manual.enterprise_visits", "走访企业", "家次", "挂点服务走访企业", 6297),
    ("manual.policy_notices", "推荐热点政策资讯", "条", "政策资讯", 700),
    ("manual.enterprise_demands", "收集和处理企业诉求", "件", "企业诉求", 749),
    ("manual.reply_templates", "政府信息公开申请答复书模板", "份", "答复书模板", 4),
    ("manual.court_investigations", "配合法院开展调查", "次", "审前调查", 5),
    ("manual.published_service_items", "对外公开办事信息", "项", "公开办事地点信息", 7),
    ("manual.secretary_reports", "听取社区党委书记述职", "场", "书记述职", 1),
    ("manual.secretary_teas", "社区书记茶话会", "场", "书记茶话会", 12),
    ("manual.communities", "辖区社区", "个", "辖区社区数", 10),
    ("manual.micro_projects", "民生微实事审议通过项目", "项", "民生微实事项目", 241),
    ("manual.micro_projects_funds", "民生微实事项目资金", "万元", "民生微实事资金", 900),
    ("manual.liaison_committees", "新增居委会联系点", "个", "居委会联系点", 17),
    ("manual.liaison_parks", "新增工业园区联系点", "个", "工业园区联系点", 16),
    ("manual.legislation_meetings", "立法联系点意见座谈会", "场", "意见座谈会", 8),
    ("manual.legislation_opinions", "立法联系点收集意见", "条", "立法意见", 106),
    ("manual.ai_cameras", "上线AI智能摄像头", "个", "AI智能摄像头", 476),
]


def _guanlan(street, office) -> None:
    for code, label, unit, phrases, value in GUANLAN_HAND_ENTERED:
        ManualFigure.objects.get_or_create(
            code=code, defaults={"label": label, "unit": unit, "phrases": phrases}
        )
        set_value(office, code, street, 2024, value, note="观澜街道2024年法治政府建设年度报告")


# 3218 received in 2024, "同比上升18.22%": 2023 had 2722 (3218 / 1.1822).
RECEIVED_2023 = 2722
RECEIVED_PHRASE = "接收矛盾纠纷"


def load_demo(orgs, users, stdout) -> None:
    street, office = orgs["wuchang"], users["fazhiban"]
    for code, label, unit, phrases, value in HAND_ENTERED:
        ManualFigure.objects.get_or_create(
            code=code, defaults={"label": label, "unit": unit, "phrases": phrases}
        )
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
