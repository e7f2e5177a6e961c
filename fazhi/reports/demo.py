"""Demo: 五常街道's 2024 report and 西乡街道's 2023 report in the office's own outline, drafted from the demo ledgers, so that the
report pages open on a real draft.

五常 2024 does not follow the 纲要 chapters: item 一 has three sub-heads of its own, and the 落款 is the
organ's full legal name. Both are set up here the way a 法治办 would on the edit page.
"""

from .models import AnnualReport, Section
from .outline import (
    CHAPTER_KEYS,
    CURRENT_SHORTCOMINGS,
    LEADERSHIP,
    MEASURES,
    PLANS,
    REMEDY,
    SHORTCOMINGS,
    THOUGHT,
)
from .sections import add_section, move_section, rename_section
from .services import add_paragraph, add_plan_note, create_report, draft_report, update_report

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


# 观澜 2024 follows its province's order: two parts on study before the 第一责任人 item, then the measures
# under eight sub-heads of its own, the 不足 with last year's 整改, the plans. Its 法治办 writes what the
# templates do not say with the figure picker: ledger figures and the hand-entered catalogue
# (fazhi/figures/demo.py), never a typed number.
GUANLAN_ISSUER = "深圳市龙华区观澜街道办事处"
GUANLAN_STUDY = (
    (
        "深入学习习近平总书记重要讲话精神及党的二十届三中全会精神",
        ("study.summary",),
        "组织科级领导干部、社区专职工作者等开展学习贯彻党的二十届三中全会精神培训{{about:training.person_times}}人次，"
        "深入学习全面深化改革、健全和保障民生制度体系等理论。",
    ),
    (
        "学习贯彻习近平法治思想，推动法治政府建设走深走实",
        ("pufa.summary",),
        "加强习近平法治思想宣传教育，线上组织{{study.platform_participants}}名在编公职人员参加学考平台学习，"
        "线下举办法治教育讲座及活动{{pufa.events}}场次，推动习近平法治思想进一步融入群众生活、融入法治实践。",
    ),
)
GUANLAN_SHORTCOMINGS = "2023年法治政府建设中存在问题的改进情况及2024年推进法治政府建设存在的不足和原因"
GUANLAN_LEADERSHIP = "落实党政主要负责人履行推进法治建设第一责任人职责"
GUANLAN_MEASURES = (
    (
        "强化防线作用，助力矛盾纠纷有效化解",
        ("disputes.summary", "petitions.summary", "services.summary", "mediation.funding"),
        "成立{{manual.emergency_team}}人组成的应急处突队伍，积极开展调解、稳控、宣讲等工作，全年处置突发事件"
        "{{manual.emergencies_handled}}宗。推动心理服务、危机干预与矛盾纠纷多元化解全链条衔接，2024年心理服务参与协助"
        "化解矛盾纠纷{{disputes.psych_service}}宗，应急处置危机事件{{manual.crisis_events}}宗，化解轻生人群"
        "{{manual.suicide_interventions}}人次。",
    ),
    (
        "精准靶向施策，优化法治化营商环境",
        (),
        "助企解决用工短缺问题，结合夜市经济举办招聘会，2024年举办招聘夜市{{manual.night_job_fairs}}场，服务企业"
        "{{manual.night_job_fairs_enterprises}}家次，吸引{{manual.night_job_fairs_seekers}}余人进场应聘；利用就业驿站平台"
        "开展惠民就业服务日公益招聘会{{manual.station_job_fairs}}场，累计服务企业{{manual.station_job_fairs_enterprises}}"
        "家次，吸引{{manual.station_job_fairs_seekers}}余人入场。助企解决发展困难，2024年走访企业"
        "{{manual.enterprise_visits}}家次，推荐热点政策资讯{{manual.policy_notices}}余条，解决企业诉求"
        "{{manual.enterprise_demands}}条。",
    ),
    (
        "依法能动履职，不断深化法治建设进程",
        ("legal_review.summary", "disclosure.summary"),
        "召开街道涉法涉诉案件分析会，2024年开展涉诉案件分析会{{litigation.analysis_meetings.regular}}场、年度涉诉案件"
        "总结分析会{{litigation.analysis_meetings.annual}}场。发挥法治督察职能作用，发出提醒函{{reminders.issued}}份。"
        "开展政府信息公开申请答复书模板修订工作，形成{{manual.reply_templates}}份答复书模板。积极配合法院开展案件调查"
        "工作，2024年就房屋权属、收养关系等问题开展调查工作{{manual.court_investigations}}次。",
    ),
    (
        "优化政务服务，推动行政效能再升级",
        (),
        "推广信息化成果，对外公开包括观澜街道劳动就业、观澜街道党群服务V站地址等{{manual.published_service_items}}项"
        "信息，使民众能够准确便捷找到办事地点和获取业务咨询服务。",
    ),
    (
        "主动担当作为，稳步提升执法工作质效",
        ("enforcement.summary",),
        "开展“百日攻坚”专项执法行动，通过“定点设卡+机动巡查”检查相关车辆{{enforcement.inspections.objects}}台，"
        "立案处罚{{enforcement.inspections.cases_filed}}台。加强行政执法人员资格管理，2024年新增执法人员"
        "{{enforcement.officers.added}}人，调离{{enforcement.officers.transferred}}人，注销"
        "{{enforcement.certificates.cancelled}}张执法证，发布证件遗失公告{{enforcement.certificates.lost_notices}}次。",
    ),
    (
        "自觉接受监督，确保权力受到严格约束",
        ("litigation.summary", "oversight.proposals", "oversight.audit"),
        "组织人大代表、政协委员参加基层党建工作专项述职报告会，听取社区党委书记述职{{manual.secretary_reports}}场，"
        "参与社区书记茶话会{{manual.secretary_teas}}场。组织代表委员走进辖区{{manual.communities}}个社区参与民生微实事"
        "评议会，共审议表决通过项目{{manual.micro_projects}}项，涉及资金总额约{{manual.micro_projects_funds}}。"
        "2024年收到行政复议案件{{litigation.reconsideration}}宗，均按期答复，促使当事人撤回行政复议申请"
        "{{litigation.reconsideration.withdrawn}}宗。",
    ),
    (
        "倾听民意心声，着力解决急难愁盼问题",
        ("council.summary", "demands.summary"),
        "创新人大政协联络机制，2024年新增{{manual.liaison_committees}}个居委会联系点和{{manual.liaison_parks}}个"
        "工业园区联系点。确定一批立法联系点，2024年召开意见座谈会{{manual.legislation_meetings}}场，共收集辖区代表、"
        "群众代表相关意见{{manual.legislation_opinions}}条。",
    ),
    (
        "科技手段助力，提升智能化信息化水平",
        (),
        "在全区率先开发安全巡查、视频监控、AI监管“三大平台”，上线{{manual.ai_cameras}}个AI智能摄像头，聚焦重点场所"
        "风险防控、隐患排查。",
    ),
)


# Items 三 and 五 in the office's words (no figures there), and next year's plans noted during the year.
GUANLAN_TEXTS = (
    (
        LEADERSHIP,
        "党政主要负责人带头抓、亲自抓，有计划、有步骤推进法治政府建设。听取研究民生诉求“每周一议”重点个案情况、"
        "行政诉讼年度案件汇报，强化对依法治街、合法性审查等工作监督指导，组织开展民事诉讼、行政复议案件研讨会议，"
        "积极履行行政复议和行政诉讼法定职责，推动应诉工作规范化、法治化。",
    ),
    (
        REMEDY,
        "针对2023年存在的普法形式不够生动、法治建设工作认识有待提高的问题，以“法治+版画”“法治+文旅”“法治+非遗”"
        "的形式开展法治版画巡展、法治游园会等活动，并强化公职人员参与线上线下学法用法。",
    ),
    (
        CURRENT_SHORTCOMINGS,
        "一是法律顾问团队、公职律师作用发挥不够充分，参与基层治理工作不够深入。二是行政执法音像记录在自查自纠中仍存在"
        "录音不够清晰、送达环节入镜执法人员不足等问题，需进一步加强执法音像记录要点培训及查纠整改工作。",
    ),
)
GUANLAN_PLANS = (
    "强化青少年法治教育，打造“非遗法治课进校园”项目",
    "强化公共法律服务供给能级，组建“惠企法治跑团”主动靠前服务",
    "强化法律顾问团队作用，打造常见法律问题库及纠纷解决途径指引手册",
    "强化“1+6+N”工作体系建设，打造特色调解工作室，提升疑难矛盾调解能力",
    "强化执法案卷制作规范化和精细化水平，完善简易案件的程序要求",
)


def _guanlan_outline(user, org) -> AnnualReport:
    report = create_report(user, org, 2024, chapters=())
    sections = {section.key: section for section in Section.objects.filter(report=report)}
    rename_section(user, sections[LEADERSHIP], GUANLAN_LEADERSHIP)
    rename_section(user, sections[SHORTCOMINGS], GUANLAN_SHORTCOMINGS)
    # the study parts lead, then the 第一责任人: a new top-level part comes last, so each moves up past the five
    for title, keys, text in GUANLAN_STUDY:
        part = add_section(user, report, title, draft_keys=keys)
        add_paragraph(user, part, text)
        for _ in range(5):  # past 主要举措, 不足, 第一责任人, 安排 and 其他
            move_section(user, part, "up")
    for _ in range(2):
        move_section(user, sections[LEADERSHIP], "up")
    measures = sections[MEASURES]
    for title, keys, text in GUANLAN_MEASURES:
        part = add_section(user, report, title, parent=measures, draft_keys=keys)
        add_paragraph(user, part, text)
    for key, text in GUANLAN_TEXTS:
        add_paragraph(user, sections[key], text)
    for text in GUANLAN_PLANS:
        add_plan_note(user, org, 2025, text)
    report.refresh_from_db()
    return update_report(user, report, report.version, issuer=GUANLAN_ISSUER, count_word="宗")


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
    if "guanlan-fzb" in users:
        if not AnnualReport.objects.filter(org=orgs["guanlan"], year=2024).exists():
            _guanlan_outline(users["guanlan-fzb"], orgs["guanlan"])
        _draft(users["guanlan-fzb"], orgs["guanlan"], 2024, stdout)
