"""Demo: 五常街道's 2024 report and 西乡街道's 2023 report in the office's own outline, drafted from the demo ledgers, so that the
report pages open on a real draft.

五常 2024 does not follow the 纲要 chapters: item 一 has three sub-heads of its own, and the 落款 is the
organ's full legal name. Both are set up here the way a 法治办 would on the edit page.
"""

from .models import AnnualReport, Section
from .outline import CHAPTER_KEYS, MEASURES, PLANS, THOUGHT
from .sections import add_section, rename_section
from .services import add_paragraph, create_report, draft_report, update_report

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


# 西乡 2023 follows the 纲要's chapters and leads with its first (学习贯彻习近平法治思想), under its own title;
# it counts cases in 宗. Its 法治办 writes the paragraphs of what no ledger records with the figure picker:
# each figure below is a placeholder of the hand-entered catalogue (fazhi/figures/demo.py) or of a ledger,
# never a number typed into the text.
XIXIANG_ISSUER = "深圳市宝安区西乡街道办事处"
XIXIANG_THOUGHT = "深入学习贯彻党的二十大精神和习近平法治思想，加大法治政府建设统筹推进力度"
XIXIANG_PARAGRAPHS = (
    (
        THOUGHT.key,
        "切实抓好理论学习。专题学习习近平法治思想、全面从严治党等重要内容{{manual.study_on_law}}次，围绕学习贯彻习近平"
        "新时代中国特色社会主义思想开展理论宣讲和政策宣讲活动{{manual.theory_talks}}场，开展学习宣传贯彻党的二十大精神"
        "宣讲活动{{manual.congress_talks}}场。",
    ),
    (
        THOUGHT.key,
        "深入推进主题教育。开展为期{{manual.reading_class_days}}天的主题教育读书班，精心安排{{manual.reading_class_topics}}"
        "个专题研讨，向各基层党组织发放《习近平著作选读》等主题教育用书{{manual.study_books}}余本；"
        "{{manual.research_leaders}}名处级领导到基层一线调研。",
    ),
    (
        "institutions",
        "优化政务服务质量。街道行政服务大厅共受理业务{{manual.hall_accepted}}万件，发证业务{{manual.hall_certificates}}"
        "万件，咨询{{manual.hall_consultations}}万件；街道辖区内{{manual.communities}}个社区政务综合窗口业务总量"
        "{{manual.window_total}}万件，政务服务业务{{manual.window_services}}万件，发证业务{{manual.window_certificates}}"
        "万件。设置“办不成事反映窗口”，已为{{manual.cannot_do_window}}余名办事群众成功解决急事、难事。",
    ),
    (
        "institutions",
        "落实线上惠企申报。共收到{{manual.subsidy_applications}}个企业申报，累计发放奖补金额{{manual.subsidy_amount}}，"
        "惠及规上工业企业{{manual.subsidy_enterprises}}家。",
    ),
    (
        "institutions",
        "持续优化法治化营商环境。累计走访企业超{{manual.enterprise_visits}}家次，收集和处理企业诉求"
        "{{manual.enterprise_demands}}件，办结率{{manual.enterprise_demands_rate}}%；助企服务队已服务企业"
        "{{manual.enterprises_served}}家。召开企业诉求协调座谈会{{manual.enterprise_meetings}}场，多途径为"
        "{{manual.key_enterprises}}家重点企业解决“急难愁盼”；在{{manual.parks}}个园区开展惠企政策宣讲，累计惠及企业超"
        "{{manual.parks_enterprises}}家。",
    ),
    (
        "enforcement",
        "充实街道综合执法队伍力量，2023年新招执法岗位公务员{{enforcement.officers.added}}名。开展“跨街道、跨部门”"
        "标准化执法计划{{manual.cross_plans}}次，配合区人力资源局累计检查核实{{manual.verified_enterprises}}家重点企业"
        "信息。新增执法记录仪{{manual.body_cameras}}台，开展“宝安网镜”直播式执法活动{{manual.live_enforcement}}场。",
    ),
    (
        "emergencies",
        "健全应急预案管理，共开展各类应急演练{{manual.drills}}场，参演人数共计{{manual.drill_participants}}人；"
        "组织开展“应急第一响应人”培训，全年共计{{manual.first_responders}}人通过考核。",
    ),
    (
        "disputes",
        "持续发挥“说事评理”品牌效力，“说事评理”调处纠纷{{manual.shuoshi_pingli}}宗。通过市劳动争议调解系统等平台"
        "累计处理投诉案件和劳资纠纷共计{{manual.labour_cases}}宗，涉及员工{{manual.labour_major_staff}}人，"
        "涉及金额约{{manual.labour_major_amount}}。西乡派出庭共受理案件{{manual.arbitration_cases}}件，"
        "{{change:manual.arbitration_cases}}。",
    ),
    (
        "oversight",
        "门户网站办理群众咨询投诉{{manual.web_consultations}}条。全市域通办受理量{{manual.citywide_accepted}}件，"
        "登记量{{manual.citywide_registered}}件，政务服务好评率{{manual.service_praise_rate}}%。",
    ),
    ("mechanism", "优化专业人才配置，2022－2023年新招{{manual.law_graduates}}名法学专业公务员。"),
    (
        PLANS,
        "整合社区挂点法律顾问资源，打造一支由{{manual.communities}}个社区法律顾问组成的“一社区一法律顾问”普法小分队。",
    ),
)


def _xixiang_outline(user, org) -> AnnualReport:
    report = create_report(user, org, 2023, chapters=(THOUGHT.key, *CHAPTER_KEYS))
    sections = {section.key: section for section in Section.objects.filter(report=report)}
    rename_section(user, sections[THOUGHT.key], XIXIANG_THOUGHT)
    for key, text in XIXIANG_PARAGRAPHS:
        add_paragraph(user, sections[key], text)
    report.refresh_from_db()
    return update_report(user, report, report.version, issuer=XIXIANG_ISSUER, count_word="宗")


def _draft(user, org, year, stdout) -> None:
    report = draft_report(user, org, year)
    paragraphs = sum(section.paragraphs.count() for section in report.sections.all())
    stdout.write(f"年度报告：已起草{report.title}（{paragraphs}段，待法治办修改、送审）")


def load_demo(orgs, users, stdout) -> None:
    if not AnnualReport.objects.filter(org=orgs["wuchang"], year=2024).exists():
        _wuchang_outline(users["fazhiban"], orgs["wuchang"])
    _draft(users["fazhiban"], orgs["wuchang"], 2024, stdout)
    if "xixiang-fzb" in users:
        if not AnnualReport.objects.filter(org=orgs["xixiang"], year=2023).exists():
            _xixiang_outline(users["xixiang-fzb"], orgs["xixiang"])
        _draft(users["xixiang-fzb"], orgs["xixiang"], 2023, stdout)
