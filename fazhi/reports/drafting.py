"""Sentence templates in the style of the published reports, keyed by figure codes.

A template belongs to a section of the outline and yields one paragraph. Its sentences are made
of clauses joined by "，"; a clause is kept only when every figure it quotes is declared in the
registry and has something to say (a non-zero value; for a ``change:`` placeholder, a known last
year). A sentence with no clause left is dropped, and a template whose very first clause cannot be
kept yields nothing — the report never states a figure it does not have.

Money placeholders render with their unit (1880万元), so templates write no unit after them.
``{year}``, ``{last_year}``, ``{subject}`` (街道/区/社区), ``{org}`` and ``{dates:CODE}`` (the days of what
a figure counts, "3月15日、8月16日", where its app declares them) are filled in when drafting.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from fazhi.figures import registry
from fazhi.orgs.models import Kind, Organisation

from . import outline
from .figure_source import FigureValue, is_declared, running_until
from .placeholders import codes_in, placeholders_in

SUBJECTS = {Kind.STREET: "街道", Kind.DISTRICT: "区", Kind.COMMUNITY: "社区"}


@dataclass(frozen=True)
class Sentence:
    clauses: tuple[str, ...]
    lead: str = ""  # written once before the kept clauses, e.g. "其中"


@dataclass(frozen=True)
class DraftTemplate:
    key: str
    section: str  # key of a section of the outline
    sentences: tuple[Sentence, ...]

    @property
    def codes(self) -> set[str]:
        return codes_in(*(clause for sentence in self.sentences for clause in sentence.clauses))


def _s(*clauses: str, lead: str = "") -> Sentence:
    return Sentence(tuple(clauses), lead)


TEMPLATES: tuple[DraftTemplate, ...] = (
    DraftTemplate(
        "disputes.summary",
        "disputes",
        (
            _s(
                "{year}年，{subject}共接收矛盾纠纷{{disputes.received}}{件}",
                "{{change:disputes.received}}",
                "调解成功{{disputes.mediated_success}}{件}",
                "调解成功率{{disputes.success_rate}}%",
            ),
            _s(
                "{subject}调委会调处{{disputes.received.street_committee}}{件}",
                "各社区调委会调处{{disputes.received.community_committee}}{件}",
                "警民联调工作室化解矛盾纠纷{{disputes.police_joint}}{件}",
                "心理服务参与化解矛盾纠纷{{disputes.psych_service}}{件}",
                lead="其中",
            ),
            _s(
                "涉案人数{{disputes.persons_involved}}人",
                "涉案金额{{disputes.amount_involved}}",
                "挽回经济损失{{disputes.amount_recovered}}",
            ),
            _s(
                "{subject}受理群体性矛盾纠纷{{disputes.group_disputes}}{件}",
                "涉及{{about:disputes.group_persons}}人次",
            ),
            _s(
                "委派矛盾纠纷{{disputes.dispatched}}{件}",
                "办结{{disputes.dispatched_closed}}{件}",
            ),
        ),
    ),
    DraftTemplate(
        "legal_review.summary",
        "decisions",
        (
            _s(
                "{year}年，{subject}开展合法性审查行政机关合同{{legal.contracts_reviewed}}份",
                "出具合法性审查意见书{{legal.opinions}}份",
                "百万元以上合同备案{{legal.contracts_filed}}份",
                "行政规范性文件初审{{legal.normative_documents}}件",
                "审查重大行政决策{{legal.major_decisions}}件",
                "审查方案、制度等文件{{legal.plans_reviewed}}份",
            ),
            _s("未发生规范性文件被撤销、重大决策违法等情况{{none:legal.unlawful}}"),
        ),
    ),
    DraftTemplate(
        "litigation.summary",
        "disputes",
        (
            _s(
                "{year}年，{subject}诉讼案件{{litigation.cases}}起",
                "{{change:litigation.cases}}",
            ),
            _s(
                "民事诉讼{{litigation.civil}}起",
                "行政诉讼{{litigation.administrative}}起",
                "行政复议{{litigation.reconsideration}}起",
                lead="其中",
            ),
            _s(
                "行政诉讼调撤率达到{{litigation.withdrawal_rate}}%",
                "行政负责人出庭率{{litigation.appearance_rate}}%",
            ),
            # 五常 2024's documents sentence (判决书41份, 行政调解书4份 …); the codes follow the document kinds
            _s(
                "累计收到法院判决书{{litigation.documents.judgement}}份",
                "行政调解书{{litigation.documents.mediation}}份",
                "行政复议决定书{{litigation.documents.decision}}份",
                "协助执行通知书{{litigation.documents.assistance}}份",
                "律师函{{litigation.documents.lawyer_letter}}份",
                "其他文书{{litigation.documents.rest}}份",  # 裁定书 among them, as 五常 counts
            ),
            _s("全年未发生行政诉讼败诉案件{{none:litigation.lost}}"),
        ),
    ),
    DraftTemplate(
        "petitions.summary",
        "disputes",
        (
            _s(
                # no 同比 here: more petitions is not an achievement (观澜 states the count alone)
                "{year}年，{subject}累计接访群众{{petitions.batches}}批",
                "其中领导接访日接访群众{{petitions.leader_batches}}批",
            ),
        ),
    ),
    DraftTemplate(
        "demands.summary",
        "disputes",
        (
            _s(
                "{year}年，{subject}受理群众诉求{{demands.received}}件",
                "{{change:demands.received}}",
                "解决民生诉求{{demands.resolved}}件",
                "{{change:demands.resolved}}",
            ),
            _s(
                "办理网站留言{{demands.web_messages}}条",
                "网民问政{{demands.online_questions}}宗",
            ),
        ),
    ),
    DraftTemplate(
        "council.summary",
        "disputes",
        (
            _s(
                "{year}年，{subject}累计召开居民议事会{{council.meetings}}场",
                "讨论解决议题{{council.topics}}条",
            ),
        ),
    ),
    DraftTemplate(
        # 主动公开 by the portal's columns, as 西乡 words it (工作动态49篇、通知公告27篇 …)
        "disclosure.postings",
        "oversight",
        (
            _s(
                "{year}年，{subject}主动公开发布工作动态{{disclosure.postings.news}}篇",
                "通知公告{{disclosure.postings.notice}}篇",
                "财政审计文件{{disclosure.postings.finance}}篇",
                "政策解读{{disclosure.postings.interpretation}}篇",
            ),
        ),
    ),
    DraftTemplate(
        "disclosure.summary",
        "oversight",
        (
            _s(
                "{year}年，{subject}共收到政府信息公开申请{{disclosure.received}}件",
                "上年结转{{disclosure.carried_in}}件",
                "办结{{disclosure.replied}}件",
                "结转下年度继续办理{{disclosure.carried_over}}件",
            ),
            _s(
                "予以公开{{disclosure.replied.public}}件",
                "部分公开{{disclosure.replied.partial}}件",
                "不予公开{{disclosure.replied.withheld}}件",
                "无法提供{{disclosure.replied.unavailable}}件",
                "不予处理{{disclosure.replied.refused}}件",
                "其他处理{{disclosure.replied.other}}件",
                lead="办结的申请中，",
            ),
            _s("按期答复率{{disclosure.on_time_rate}}%"),
            _s(
                "因政府信息公开申请引发行政复议{{disclosure.reconsideration}}件",
                "行政诉讼{{disclosure.litigation}}件",
            ),
        ),
    ),
    DraftTemplate(
        "enforcement.summary",
        "enforcement",
        (
            _s(
                "{year}年，{subject}作出行政执法案卷{{enforcement.cases}}宗",
                "{{change:enforcement.cases}}",
            ),
            _s(
                "普通程序{{enforcement.cases.ordinary}}宗",
                "简易程序{{enforcement.cases.simple}}宗",
                "涉企行政处罚案件{{enforcement.cases.enterprise}}宗",
                lead="其中",
            ),
            # 西乡 2023's sentence: 大型联合执法, 检查企业, 隐患, 行政处罚, 罚款, 双随机
            _s(
                "开展大型联合执法{{enforcement.joint_actions}}次",
                "开展“百日攻坚”等专项行动{{enforcement.special_actions}}项",
                "检查企业{{enforcement.inspections}}次",
                "发现隐患{{enforcement.hazards}}条",
                "作出行政处罚{{enforcement.penalties}}次",
                "罚没金额{{enforcement.fines}}",
                "开展“双随机、一公开”检查{{enforcement.random_checks}}次",
            ),
            _s("通过双公示平台公示执法案件{{enforcement.published}}件"),
            _s("运用智慧城管指挥中心平台，累计派发视频巡查案件{{enforcement.video_dispatched}}宗"),
        ),
    ),
)

# Learning, 普法 and public legal services (fazhi.learning), item 一; the 驿站's part in mediation and
# legality review is counted from the disputes and legal ledgers by link (五常 2024: 723/197/541/42/135/82).
TEMPLATES += (
    # 五常 2024: "加强了文一、邱桥社区两个公共法律服务驿站建设" — the stations serving that year, and those
    # whose services began in it.
    DraftTemplate(
        "services.stations",
        "disputes",
        (
            _s(
                "{year}年，{subject}共有{{services.stations}}个公共法律服务驿站提供法律服务",
                "其中当年新建{{services.stations_new}}个",
            ),
        ),
    ),
    DraftTemplate(
        "services.summary",
        "disputes",
        (
            _s(
                "{year}年，{subject}公共法律服务驿站参与矛盾纠纷调解{{disputes.legal_station}}起",
                "走访企业并法治体检{{services.enterprise_checkups}}家",
                "提供法律咨询和法律服务{{services.consultations}}次",
                "开展法律讲座{{services.lectures}}场",
                "参与合法性审查{{legal.reviewed_by_station}}件",
                "代写法律文书{{services.drafting}}份",
                "信息宣传{{services.posts}}篇",
            ),
        ),
    ),
    # 调解经费 (五常 2024 item 二.三), from the hand-entered catalogue: no ledger keeps budgets.
    DraftTemplate(
        "mediation.funding",
        "disputes",
        (
            _s(
                "{year}年，{subject}调解服务资金保障{{manual.mediation_funding}}",
                "投入{{manual.prelitigation_funding}}经费保障一审民商事案件诉前调解",
                "新增{{manual.award_subsidy_budget}}年度“以奖代补”经费预算",
                "投入{{manual.source_governance_funding}}作为诉源治理项目保障经费",
            ),
        ),
    ),
    DraftTemplate(
        "pufa.summary",
        "mechanism",
        (
            _s(
                "{year}年，{subject}组织开展普法宣传活动{{pufa.events}}场",
                "发放普法宣传资料{{pufa.materials.fen}}份",
                "发放宣传手册{{pufa.materials.ben}}本",
                "制作发放法治宣传袋{{pufa.materials.zhi}}只",
                "接受法律咨询{{pufa.consultations}}人次",
                "惠及群众{{about:pufa.reach}}人",  # 近2000人: the 人 reached is an estimate at each event
            ),
            _s(
                "以案释法{{pufa.events.case}}场",
                "法律进社区、企业、学校{{pufa.events.five_into}}场",
                "执法部门落实“谁执法谁普法”开展普法{{pufa.by_enforcers}}次",
                lead="其中",
            ),
            _s("各类媒体报道{{pufa.media_reports}}篇"),
            # the 驿站's lectures are 普法 too (五常: 四个社区公共法律服务驿站…积极开展法律讲座)
            _s("{{services.stations}}个公共法律服务驿站开展法律讲座{{services.lectures}}场"),
            _s(
                "培育新增法律明白人{{literate.added}}名",
                "组织法律明白人参加培训{{literate.trained}}人次",
            ),
        ),
    ),
    # 西乡 2023: "整合社区挂点法律顾问资源，打造一支由25个社区法律顾问组成的“一社区一法律顾问”普法小分队"
    DraftTemplate(
        "services.advisers",
        "mechanism",
        (
            _s(
                "{year}年，{subject}整合社区挂点法律顾问资源，落实“一社区一法律顾问”制度，"
                "{{services.advisers}}个社区配备法律顾问",
                "社区法律顾问覆盖率{{services.adviser_coverage}}%",
            ),
        ),
    ),
    DraftTemplate(
        "pufa.model_communities",
        "mechanism",
        (
            _s(
                "{subject}现有民主法治示范社区{{pufa.model_communities}}个",
                "其中当年新获命名{{pufa.model_communities.new}}个",
            ),
        ),
    ),
    DraftTemplate(
        "study.summary",
        "mechanism",
        (
            _s(
                "{year}年，{subject}组织开展学法活动{{study.sessions}}场",
                "学习主题{{study.topics}}个",
                "举办领导干部法治讲座{{study.leader_lectures}}场",
            ),
            _s("党工委理论学习中心组学习{{study.centre_group}}期"),
            _s("组织调解员业务培训{{training.mediators}}人次"),
            _s(
                "组织学法考试，参考率{{exam.participation_rate}}%",
                "优秀率{{exam.excellence_rate}}%",
            ),
        ),
    ),
    # Item 三: the principal leaders' acts; 出庭应诉 and 分析会 come from the litigation ledger.
    DraftTemplate(
        "leadership.study",
        outline.LEADERSHIP,
        (
            _s(
                "{year}年，{subject}党工委将领导干部学法作为避免行政争议产生的重要抓手，"
                "年初制发年度党工委会议学法计划，安排会前学法{{lead.planned_law_sessions}}次",
                "全年于{dates:study.law_sessions}开展党工委会议会前学法{{study.law_sessions}}次",
                # not "其中": the head also chairs the 中心组 study, so this may exceed the 会前学法
                "党政主要负责人主持学法{{study.hosted_by_head}}次",
            ),
        ),
    ),
    # Without a 学法计划 the sessions held are still the 第一责任人's to report: the same sentence without the
    # plan. Its {{none:…}} keeps it to a year with no plan, and marks it missing once a plan is recorded.
    DraftTemplate(
        "leadership.study_unplanned",
        outline.LEADERSHIP,
        (
            _s(
                "{year}年，{subject}党工委将领导干部学法作为避免行政争议产生的重要抓手，"
                "于{dates:study.law_sessions}开展党工委会议会前学法{{study.law_sessions}}次"
                "{{none:lead.planned_law_sessions}}",
                "党政主要负责人主持学法{{study.hosted_by_head}}次",
            ),
        ),
    ),
    DraftTemplate(
        "leadership.acts",
        outline.LEADERSHIP,
        (
            _s(
                "{year}年，{subject}于{dates:lead.law_meetings}召开党工委（办事处）会议"
                "专题研究法治建设{{lead.law_meetings}}次"
            ),
            _s("党政主要负责人述法{{lead.reports_on_law}}次"),
            _s(
                "坚持行政案件包案化解制度，领导干部“一案一策”包案化解矛盾纠纷和行政争议{{lead.cases_contacted}}件"
            ),
            _s(
                "定期召开涉诉案件分析会{{litigation.analysis_meetings}}场",
                "行政机关负责人出庭应诉{{lead.head_appearances}}次",
            ),
        ),
    ),
)

# Oversight (fazhi.oversight): the 监督 paragraph of item 一 (西乡 2023: 人大建议、政协提案 by level and role,
# 满意率, 督查督办, 审计) and the rectification of what oversight found, in item 二.
TEMPLATES += (
    DraftTemplate(
        "oversight.proposals",
        "oversight",
        (
            _s(
                "{year}年，{subject}自觉接受人大监督、民主监督，办理人大代表建议和政协提案{{oversight.proposals}}件"
            ),
            _s(
                "市人大建议{{oversight.npc.city}}件",
                "主办{{oversight.npc.city.lead}}件",
                "市政协提案{{oversight.cppcc.city}}件",
                "主办{{oversight.cppcc.city.lead}}件",
                "区人大建议{{oversight.npc.district}}件",
                "主办{{oversight.npc.district.lead}}件",
                "承办{{oversight.npc.district.handle}}件",
                "分办{{oversight.npc.district.split}}件",
                "区政协提案{{oversight.cppcc.district}}件",
                "主办{{oversight.cppcc.district.lead}}件",
                lead="其中",
            ),
            _s("按时答复率{{oversight.reply_rate}}%", "代表、委员满意率{{oversight.satisfaction_rate}}%"),
            _s(
                "督查督办区两重{{oversight.supervision.key_task}}件",
                "街道军令状{{oversight.supervision.pledge}}件",
                "其他督查督办事项{{oversight.supervision.other}}件",
            ),
            _s("收到检察建议书{{suggestions.procuratorate}}份", "司法建议书{{suggestions.judicial}}份"),
        ),
    ),
    DraftTemplate(
        "oversight.audit",
        "oversight",
        (
            _s(
                "{year}年，{subject}强化审计监督，开展审计项目{{oversight.audit.projects}}个",
                "发现问题{{oversight.audit.findings}}项",
                "提出审计建议{{oversight.audit.recommendations}}条",
            ),
            _s(
                # 家: a 换届经责审计 audits one 股份合作公司 or community (西乡 2023: "完成27家股份合作公司换届经责审计")
                "完成换届经责审计{{oversight.audit.transition}}家",
                "发现问题{{oversight.audit.transition.findings}}项",
                "提出审计建议{{oversight.audit.transition.recommendations}}条",
            ),
            _s(
                "完成任期经责审计{{oversight.audit.tenure}}个",
                "发现问题{{oversight.audit.tenure.findings}}项",
                "提出审计建议{{oversight.audit.tenure.recommendations}}条",
            ),
            _s(
                "协助完成上级审计项目{{oversight.audit.assist}}个",
                "督促整改审计项目{{oversight.audit.rectified}}个",
            ),
        ),
    ),
    DraftTemplate(
        "oversight.rectification",
        outline.REMEDY,
        (
            _s(
                "对人大代表建议、政协提案、检察建议、审计和督察反馈的问题，{subject}逐项制定整改措施"
                "{{oversight.measures}}项",
                "已完成整改或作出说明{{oversight.measures.done}}项",
                "整改率{{oversight.rectification_rate}}%",
            ),
        ),
    ),
)

# Paragraphs with no figures, where the seeds nearly always say the same.
FIXED_TEXTS: tuple[tuple[str, str, str], ...] = (
    (
        "preamble",
        outline.PREAMBLE,
        "{year}年，{org}深入学习贯彻{keyword}，认真贯彻落实习近平法治思想，"
        "全面落实《法治政府建设实施纲要（2021－2025年）》，"
        "严格规范行政决策程序，不断提升依法行政能力和水平，扎实推进法治政府建设。"
        "现将{year}年度法治政府建设情况报告如下。",
    ),
    ("other.none", outline.OTHER, "无。"),
)


@dataclass(frozen=True)
class Draft:
    key: str
    section: str
    text: str


def template_codes() -> set[str]:
    return {code for template in TEMPLATES for code in template.codes}


DATES = re.compile(r"\{dates:([A-Za-z0-9_.\-]+)\}")


def _dates(code: str, org: Organisation, year: int) -> str:
    """ "3月15日、8月16日": the days of what a figure counts, where its app says (``figure(dates=…)``)."""
    if not is_declared(code) or registry.get(code).dates is None:
        return ""
    orgs = Organisation.objects.subtree_of([org])
    days = registry.get(code).dates(orgs, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    return "、".join(f"{day.month}月{day.day}日" for day in sorted(set(days)))


# The year's political keyword every report of that year names in its preamble (五常 and 观澜 2024:
# 二十届三中全会; 西乡 2023: 二十大); an office may write its own per report.
YEAR_KEYWORDS = {
    2022: "党的二十大精神",
    2023: "党的二十大精神",
    2024: "党的二十届三中全会精神",
    2025: "党的二十届四中全会精神",
}
DEFAULT_KEYWORD = "习近平新时代中国特色社会主义思想"


@dataclass(frozen=True)
class Wording:
    """What the office chooses for its report: the counting word of cases and the preamble's keyword; and,
    for a report drafted before its year is over, the day its figures run to."""

    count_word: str = "件"
    keyword: str = ""
    until: datetime.date | None = None

    def keyword_for(self, year: int) -> str:
        return self.keyword.strip() or YEAR_KEYWORDS.get(year, DEFAULT_KEYWORD)

    @classmethod
    def of(cls, report) -> Wording:
        until = None if report.frozen else running_until(report.year)
        return cls(report.count_word or "件", report.keyword, until)


def spoken_name(org: Organisation) -> str:
    """The office as its report's text names it: "五常街道", not the organ's full "五常街道办事处" (which
    is the 落款's)."""
    return org.name.removesuffix("办事处") or org.name


def fill(text: str, org: Organisation, year: int, wording: Wording | None = None) -> str:
    wording = wording or Wording()
    if wording.until:  # "2026年，街道共接收…" of a year not yet over: "截至2026年11月30日，街道共接收…"
        text = text.replace("{year}年，", f"截至{{year}}年{wording.until.month}月{wording.until.day}日，")
    text = DATES.sub(lambda match: _dates(match.group(1), org, year), text)
    subject = SUBJECTS.get(org.kind, org.name)
    for name, value in (
        ("{year}", year),
        ("{last_year}", year - 1),
        ("{subject}", subject),
        ("{org}", spoken_name(org)),
        ("{件}", wording.count_word),
        ("{keyword}", wording.keyword_for(year)),
    ):
        text = text.replace(name, str(value))
    return text


def _usable(clause: str, values: Mapping[str, FigureValue]) -> bool:
    for placeholder in placeholders_in(clause):
        if not is_declared(placeholder.code):
            return False
        shown = placeholder.render(values)
        if shown is None:
            return False
        figure = values[placeholder.code]
        if placeholder.kind in ("value", "about") and figure.value == 0:
            return False
        if (
            placeholder.kind == "change"
            and registry.rise_is_bad(placeholder.code)
            and figure.value > figure.previous
        ):
            return False
    return True


def draft_text(template: DraftTemplate, values: Mapping[str, FigureValue]) -> str | None:
    if not _usable(template.sentences[0].clauses[0], values):
        return None
    sentences = []
    for sentence in template.sentences:
        kept = [clause for clause in sentence.clauses if _usable(clause, values)]
        if kept:
            sentences.append(sentence.lead + "，".join(kept) + "。")
    return "".join(sentences)


def drafts(
    org: Organisation, year: int, values: Mapping[str, FigureValue], wording: Wording | None = None
) -> list[Draft]:
    """Every paragraph the drafting can write for the org and year, in template order."""
    found = [Draft(key, section, fill(text, org, year, wording)) for key, section, text in FIXED_TEXTS]
    for template in TEMPLATES:
        text = draft_text(template, values)
        if text is not None:
            found.append(Draft(template.key, template.section, fill(text, org, year, wording)))
    return found


def template_by_key(key: str) -> DraftTemplate | tuple[str, str, str] | None:
    for template in TEMPLATES:
        if template.key == key:
            return template
    return next((fixed for fixed in FIXED_TEXTS if fixed[0] == key), None)
