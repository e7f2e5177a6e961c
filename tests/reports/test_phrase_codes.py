"""Phrase → figure code, read from the three seed reports: each row is a sentence fragment as the seed
writes it, the heading it sits under in that seed, the figure, and the code the analyzer must give it
(None: unsure, or no figure the platform keeps — better no code than a wrong one, which imported as a
baseline would give a wrong 同比 next year). NEXT-LEDGERS.md §2 lists the mis-maps marked below."""

from functools import cache

import pytest

from fazhi.reports.analyzer import analyze, analyze_text
from tests.conftest import seed_path

GUANLAN = "000_db59382493192273.txt"
XIXIANG = "003_6a7d4b23cf609262.txt"
WUCHANG = "004_8030a51ea79497b7.txt"

# 观澜 headings
GL_DISPUTES = "强化防线作用,助力矛盾纠纷有效化解"
GL_DUTY = "依法能动履职,不断深化法治建设进程"
GL_ENFORCE = "主动担当作为,稳步提升执法工作质效"
GL_OVERSIGHT = "自觉接受监督,确保权力受到严格约束"
GL_VOICES = "倾听民意心声,着力解决急难愁盼问题"
# 西乡 headings
XX_STUDY = "深入学习宣传贯彻习近平法治思想的情况"
XX_COUNSEL = "发挥政府法律顾问作用"
XX_ENFORCE = "加大重点领域执法力度"
XX_MEDIATION = "加强行政调解工作"
XX_RECONSIDERATION = "发挥行政复议化解行政争议主渠道作用"
XX_COURT = "自觉接受法院司法监督"
XX_PROCURATORATE = "自觉接受检察监督"
XX_AUDIT = "强化审计工作"
XX_SUPERVISION = "加强和规范政府督查工作"
XX_OPENNESS = "全面主动落实政务公开"
XX_ABILITY = "全面加强依法行政能力建设"
# 五常 headings
WC_STREET = "加强法治街道建设,持续推进质效提升"
WC_DISPUTES = "扎实推进抓源促治,强化纠纷源头化解"
WC_PUFA = "深入开展普法宣传,提高群众法治素养"

ROWS = [
    # 观澜
    (GUANLAN, GL_DISPUTES, "街道领导和社区“两委”累计接访群众5056批", "5056批", "petitions.batches"),
    (GUANLAN, GL_DISPUTES, "全年成功调解矛盾纠纷300余宗", "300余宗", "disputes.mediated_success"),
    (GUANLAN, GL_DISPUTES, "2024年参与协助化解矛盾纠纷179宗", "179宗", "disputes.psych_service"),
    (
        GUANLAN,
        GL_DISPUTES,
        "办结案件230宗",
        "230宗",
        None,
    ),  # §2: was litigation.concluded (委派 disputes' 办结)
    (
        GUANLAN,
        GL_DISPUTES,
        "2024年委派至青年律师调解员纠纷案件253宗",
        "253宗",
        None,
    ),  # only "委派" (2 chars) matched
    (GUANLAN, GL_DUTY, "2024年开展涉诉案件分析会5场", "5场", "litigation.analysis_meetings"),
    # beside the annual one in the same sentence, the 5 are the others (6 meetings in all in the ledger)
    (
        GUANLAN,
        GL_DUTY,
        "2024年开展涉诉案件分析会5场、年度涉诉案件总结分析会1场",
        "5场",
        "litigation.analysis_meetings.regular",
    ),
    # §2: was litigation.cases — a meeting in 场 is no count of cases, and 涉诉案件 only qualifies 分析会
    # the annual one has its figure (litigation.analysis_meetings.annual, 观澜's demo)
    (
        GUANLAN,
        GL_DUTY,
        "2024年开展涉诉案件分析会5场、年度涉诉案件总结分析会1场",
        "1场",
        "litigation.analysis_meetings.annual",
    ),
    (GUANLAN, GL_DUTY, "2024年发出提醒函5份", "5份", "reminders.issued"),
    (
        GUANLAN,
        GL_ENFORCE,
        "通过“定点设卡+机动巡查”检查相关车辆5741台",
        "5741台",
        "enforcement.inspections.objects",
    ),
    (GUANLAN, GL_ENFORCE, "累计派发视频巡查案件6105宗", "6105宗", "enforcement.video_dispatched"),
    (GUANLAN, GL_ENFORCE, "2024年新增执法人员9人", "9人", "enforcement.officers.added"),
    (GUANLAN, GL_OVERSIGHT, "2024年收到行政复议案件5宗", "5宗", "litigation.reconsideration"),
    (
        GUANLAN,
        GL_OVERSIGHT,
        "促使当事人撤回行政复议申请1宗",
        "1宗",
        "litigation.reconsideration.withdrawn",
    ),  # §2: was litigation.reconsideration; the withdrawn ones have their figure since 观澜's demo
    (GUANLAN, GL_VOICES, "累计召开居民议事会135场", "135场", "council.meetings"),
    (GUANLAN, GL_VOICES, "收集民情民意数量较去年同期增长100%", "较去年同期增长100%", "demands.received"),
    # the same fragment under another heading of the same seed: the section decides
    (GUANLAN, GL_DISPUTES, "2024年收到行政复议案件5宗", "5宗", None),
    # 西乡
    (XIXIANG, XX_STUDY, "开展领导干部法治讲座3场", "3场", "study.leader_lectures"),
    (XIXIANG, XX_STUDY, "“以案释法”法治讲座51场", "51场", None),  # 以案释法 and 法治讲座 equally plausible
    # activities of which 法律五进 is one
    (XIXIANG, XX_STUDY, "开展“法律五进”等宣传教育活动131场", "131场", None),
    (XIXIANG, XX_COUNSEL, "街道法律顾问室审查合同4560份", "4560份", "legal.contracts_reviewed"),
    (XIXIANG, XX_COUNSEL, "审查方案、制度等文件31份", "31份", "legal.plans_reviewed"),
    (XIXIANG, XX_ENFORCE, "作出行政执法案卷数量711宗", "711宗", "enforcement.cases"),
    (XIXIANG, XX_ENFORCE, "其中普通案件495宗、简易案件216宗", "216宗", "enforcement.cases.simple"),
    (XIXIANG, XX_ENFORCE, "经济行政罚款211.6094万元", "211.6094万元", "enforcement.fines"),
    # quotation marks are typography; a 专项行动 of 双随机、一公开 is still its 检查
    (XIXIANG, XX_ENFORCE, "开展“双随机、一公开”专项行动50次", "50次", "enforcement.random_checks"),
    # 普法 by enforcers, under an 执法 heading: no 执法 figure says it
    (XIXIANG, "创新行政执法方式", "综合行政执法人员进社区开展普法活动8次", "8次", None),
    (XIXIANG, XX_MEDIATION, "我街道各级人民调解组织共受理矛盾纠纷4532宗", "4532宗", "disputes.received"),
    (XIXIANG, XX_MEDIATION, "涉案金额1880万元", "1880万元", "disputes.amount_involved"),
    (XIXIANG, XX_MEDIATION, "其中处理30人以上重大劳资纠纷12宗", "12宗", "disputes.group_disputes"),
    (XIXIANG, XX_MEDIATION, "涉及员工1013人", "1013人", None),
    (XIXIANG, XX_MEDIATION, "涉及金额约2073.7万元", "约2073.7万元", None),  # §2: was disputes.amount_involved
    (XIXIANG, XX_RECONSIDERATION, "2023年收到行政复议案件5宗", "5宗", "litigation.reconsideration"),
    (XIXIANG, XX_COURT, "已按时答复;处理行政诉讼4宗", "4宗", "litigation.administrative"),
    (XIXIANG, XX_COURT, "出庭率100%", "100%", "litigation.appearance_rate"),
    (XIXIANG, XX_PROCURATORATE, "收到检察建议书2份", "2份", "suggestions.procuratorate"),
    (XIXIANG, XX_AUDIT, "提出审计建议114条", "114条", "oversight.audit.recommendations"),
    (XIXIANG, XX_SUPERVISION, "督查督办区两重59件", "59件", "oversight.supervision.key_task"),
    (XIXIANG, XX_SUPERVISION, "办理街道网站留言478条", "478条", "demands.web_messages"),
    (
        XIXIANG,
        XX_OPENNESS,
        "街道门户网站共发布工作动态49篇、通知公告27篇",
        "27篇",
        "disclosure.postings.notice",
    ),
    (XIXIANG, XX_ABILITY, "优秀率高达93%", "93%", "exam.excellence_rate"),
    # 五常
    (
        WUCHANG,
        WC_STREET,
        "2024年联合开展合法性审查行政机关合同959余份",
        "959余份",
        "legal.contracts_reviewed",
    ),
    (WUCHANG, WC_STREET, "2024年街道诉讼案件72起", "72起", "litigation.cases"),
    (WUCHANG, WC_STREET, "累计收到法院判决书41份", "41份", "litigation.documents.judgement"),
    (WUCHANG, WC_STREET, "行政诉讼调撤率达到83.33%", "83.33%", "litigation.withdrawal_rate"),
    # §2: was the 普法 consultations code; in the 驿站 part it is the 驿站's 法律咨询和法律服务
    (WUCHANG, WC_STREET, "提供法律咨询和法律服务541次", "541次", "services.consultations"),
    (WUCHANG, WC_STREET, "参与合法性审查135件", "135件", None),  # whose review? (驿站's: no heading says so)
    # the 驿站's own wording, longer than the 驿站 count (社区公共法律服务驿站) it starts with
    (WUCHANG, WC_STREET, "社区公共法律服务驿站参与矛盾纠纷调解723起", "723起", "disputes.legal_station"),
    (WUCHANG, WC_DISPUTES, "年度完成培训250人次", "250人次", "training.mediators"),
    (WUCHANG, WC_DISPUTES, "2024年街道共接收矛盾纠纷3218件", "3218件", "disputes.received"),
    (WUCHANG, WC_DISPUTES, "调解成功率同比上升21.45%", "同比上升21.45%", "disputes.success_rate"),
    (WUCHANG, WC_DISPUTES, "其中街道调委会调处1298件", "1298件", "disputes.received.street_committee"),
    # §2: no code. It is the 警民联调工作室's (disputes.police_joint), named before a comma the subject
    # does not cross; "化解矛盾纠纷" alone names no figure, so none is guessed.
    (WUCHANG, WC_DISPUTES, "化解矛盾纠纷689件", "689件", None),
    (WUCHANG, WC_DISPUTES, "涉及1000余人次", "1000余人次", None),
    (WUCHANG, WC_PUFA, "接受法律咨询700人次", "700人次", "pufa.consultations"),
    (WUCHANG, WC_PUFA, "提供法律咨询和法律服务541次", "541次", None),  # not a 普法 figure
    (WUCHANG, WC_PUFA, "惠及群众近2000人", "近2000人", "pufa.reach"),
    (
        WUCHANG,
        WC_PUFA,
        "发放以案释法普法挂图、法治宣传折页3000余份",
        "3000余份",
        None,
    ),  # materials, not 以案释法 events
    (WUCHANG, WC_PUFA, "2024年培育新增法律明白人22名", "22名", "literate.added"),
]


@cache
def seed_text(name: str) -> str:
    return analyze(seed_path(name)).text


def test_the_table_covers_the_three_seeds():
    assert len(ROWS) >= 30
    assert {row[0] for row in ROWS} == {GUANLAN, XIXIANG, WUCHANG}


@pytest.mark.parametrize(("seed", "section", "fragment", "figure", "expected"), ROWS)
def test_phrase_in_its_section_gets_its_code(seed, section, fragment, figure, expected):
    text = seed_text(seed)
    assert fragment in text, "the fragment is quoted from the seed"
    assert section in text, "the heading is the seed's"
    result = analyze_text(f"一、{section}\n{fragment}。\n")
    assert [heading.title for heading in result.outline] == [section]
    found = [f for f in result.figures if f.text == figure]
    assert found, f"{figure} not found in {fragment}"
    assert found[-1].code == expected, found[-1].subject


@pytest.mark.parametrize(
    ("seed", "figure", "expected"), [(GUANLAN, "230宗", None), (XIXIANG, "约2073.7万元", None)]
)
def test_the_whole_seed_agrees(seed, figure, expected):
    """Read in the whole report (its real outline), the mis-mapped figures stay without a code."""
    result = analyze(seed_path(seed))
    assert [f.code for f in result.figures if f.text == figure] == [expected]


def test_code_for_phrase_rules():
    from fazhi.figures import registry

    assert registry.code_for_phrase("诉讼案件") == "litigation.cases"  # exact label
    assert registry.code_for_phrase("办结案件") is None  # "结案" inside is too short to tell
    assert registry.code_for_phrase("涉诉案件", unit="件") == "litigation.cases"
    assert registry.code_for_phrase("涉诉案件", unit="场") is None  # 场 counts no cases
    assert registry.code_for_phrase("收到行政复议案件", section=["主要举措和成效", GL_DISPUTES]) is None
    # the innermost heading naming a ledger decides; one naming none leaves the outer one in force
    assert registry.code_for_phrase("收到行政复议案件", section=[XX_RECONSIDERATION, "其他"]) == (
        "litigation.reconsideration"
    )


def test_every_ledger_figure_prefix_has_section_words():
    """A prefix missing from the table would lose its figures under any heading naming another ledger."""
    from fazhi.figures import registry

    prefixes = {f.code.split(".", 1)[0] for f in registry.all_figures() if registry.declared_in_code(f.code)}
    prefixes -= {"kit", "test_analyzer_seeds"}  # the tests' own ledger, and a figure another test declares
    assert prefixes <= set(registry.SECTION_WORDS), sorted(prefixes - set(registry.SECTION_WORDS))
