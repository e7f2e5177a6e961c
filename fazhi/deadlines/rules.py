"""The statutory limits (LEGAL-RULES.md §2): the one table of how long each step may take, with its sources.

No number of days is written anywhere else in Fazhi: ledgers ask `due_for_rule(code, start)`.
A rule states its period as the statute writes it (e.g. 10 日 in 行政复议法) and cites its law first; whether
those 日 count working days comes from that law's conversion clause (laws.CONVERSION_CLAUSES), not from the rule.
`to_check=True` marks rows that LEGAL-RULES.md could not match to an official text (shown as （条文待核）).

Left out on purpose: enforcement.certificate_expiry (执法证 validity) has no statutory length — it runs to the
expiry date printed on the card, so the enforcement ledger reads that date instead of asking this table.
"""

import difflib
from dataclasses import dataclass

from fazhi.errors import FazhiError

from .laws import (
    ADMIN_LITIGATION_INTERPRETATION,
    ADMIN_LITIGATION_LAW,
    CIVIL_PROCEDURE_LAW,
    COMPULSION_LAW,
    CONVERSION_CLAUSES,
    COUNTING_CLAUSES,
    CPPCC_LOCAL_RULES,
    DEPUTIES_LAW,
    DISCLOSURE_REGULATION,
    ENFORCEMENT_PUBLICITY_OPINION,
    JUDICIAL_SUGGESTION_RULES,
    MAJOR_DECISION_REGULATION,
    MEDIATION_LAW,
    MEDIATION_RULES,
    NORMATIVE_REVIEW_OPINION,
    PENALTY_LAW,
    PETITION_REGULATION,
    PROCURATORATE_RULES,
    PUBLIC_INTEREST_INTERPRETATION,
    REVIEW_LAW,
    RULE_OF_LAW_SUPERVISION_RULES,
    Citation,
    ConversionClause,
    cn_number,
    render_citations,
)

DAYS, WORKING_DAYS, MONTHS, YEARS, FIXED_DATE = "日", "工作日", "月", "年", "固定日期"
UNITS = (DAYS, WORKING_DAYS, MONTHS, YEARS)


def unit_text(length: int, unit: str) -> str:
    """20个工作日, 2个月, 15日, 2年."""
    return f"{length}{'个' if unit in (WORKING_DAYS, MONTHS) else ''}{unit}"


@dataclass(frozen=True)
class Extension:
    length: int  # at most this much more, in `unit`
    unit: str
    condition: str


@dataclass(frozen=True)
class PauseRule:
    reason: str
    # True: the period starts again from the day the clock resumes (补正); False: the paused days are not counted.
    restarts: bool
    citation: Citation
    wording: str  # what the provision says about it
    aliases: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return f"{self.citation.text}：{self.wording}"

    def matches(self, reason: str) -> bool:
        return reason == self.reason or reason in self.aliases


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    citations: tuple[Citation, ...]  # the first names the law whose counting (and conversion clause) applies
    trigger: str
    length: int | None  # as the statute writes it
    unit: str  # as the statute writes it; see counting_unit
    extension: Extension | None = None
    pauses: tuple[PauseRule, ...] = ()
    note: str = ""
    min_length: int | None = None  # a lower bound the office must also respect (e.g. review time)
    minimum: bool = False  # the length is a minimum time to allow, not a limit to meet
    advisory: bool = False  # a norm to warn on, not a legal bar
    fixed_date: tuple[int, int] | None = None  # (month, day) of the following year the step must precede
    to_check: bool = False
    # 信访: the office warns on the calendar end and also shows the legal end rolled past rest days (§1).
    warn_unrolled: bool = False

    @property
    def law(self) -> str:
        return self.citations[0].law

    @property
    def conversion(self) -> ConversionClause | None:
        """The clause that makes this period count working days, if the rule's law has one covering its length."""
        clause = CONVERSION_CLAUSES.get(self.law)
        if self.unit == DAYS and clause and clause.covers(self.length):
            return clause
        return None

    @property
    def counting_unit(self) -> str:
        return WORKING_DAYS if self.conversion else self.unit

    @property
    def full_citations(self) -> tuple[Citation, ...]:
        """The rule's own citations, then the conversion clause that makes its 日 working days."""
        clause = self.conversion
        if clause and clause.citation not in self.citations:
            return (*self.citations, clause.citation)
        return self.citations

    @property
    def source(self) -> str:
        return render_citations(self.full_citations)

    @property
    def counting_source(self) -> str:
        """The procedure's own provisions on counting periods, for every law the rule cites ("" if none)."""
        found: list[Citation] = []
        for citation in self.citations:
            found += [c for c in COUNTING_CLAUSES.get(citation.law, ()) if c not in found]
        return render_citations(found)

    @property
    def period_text(self) -> str:
        if self.fixed_date:
            return f"次年{self.fixed_date[0]}月{self.fixed_date[1]}日前"
        text = unit_text(self.length, self.counting_unit)
        if self.min_length:
            text = f"{self.min_length}至{text}"
        if self.minimum:
            text = f"不少于{text}"
        if self.conversion:
            text += f"（条文为“{cn_number(self.length)}日”）"
        if self.extension:
            text += f"（可延长{unit_text(self.extension.length, self.extension.unit)}）"
        return text


_CORRECTION = PauseRule(
    "补正",
    restarts=True,
    citation=Citation(DISCLOSURE_REGULATION, 30),
    wording="答复期限自行政机关收到补正的申请之日起计算",
    aliases=("correction",),
)
_CONSULTATION = PauseRule(
    "征求第三方和其他机关意见",
    restarts=False,
    citation=Citation(DISCLOSURE_REGULATION, 33, 3),
    wording="征求第三方和其他机关意见所需时间不计算在答复期限内",
    aliases=("consultation", "third_party", "征求意见", "征求第三方意见"),
)
_PETITION_HEARING = PauseRule(
    "听证",
    restarts=False,
    citation=Citation(PETITION_REGULATION, 36),
    wording="复核机构举行听证的，听证所需时间不计算在复核期限内",
    aliases=("hearing", "举行听证"),
)
_PETITION_EXTENSION = Extension(30, DAYS, "情况复杂的，经本机关负责人批准，并告知信访人延期理由")

RULES: tuple[Rule, ...] = (
    # 行政复议
    Rule(
        code="reconsideration.reply",
        name="行政复议被申请人书面答复并提交证据",
        citations=(Citation(REVIEW_LAW, 48),),
        trigger="收到行政复议申请书副本或者申请笔录复印件之日",
        length=10,
        unit=DAYS,
    ),
    Rule(
        code="reconsideration.reply_simple",
        name="行政复议被申请人书面答复并提交证据（简易程序）",
        citations=(Citation(REVIEW_LAW, 54),),
        trigger="收到行政复议申请书副本或者申请笔录复印件之日",
        length=5,
        unit=DAYS,
    ),
    Rule(
        code="reconsideration.decision",
        name="行政复议机关作出行政复议决定（跟踪）",
        citations=(Citation(REVIEW_LAW, 62),),
        trigger="受理行政复议申请之日",
        length=60,
        unit=DAYS,
        extension=Extension(30, DAYS, "情况复杂的，经行政复议机构负责人批准，并书面告知当事人"),
        note="法律规定的行政复议期限少于六十日的除外；本单位为被申请人时跟踪复议机关的决定期限",
    ),
    Rule(
        code="reconsideration.decision_simple",
        name="行政复议机关作出行政复议决定（简易程序，跟踪）",
        citations=(Citation(REVIEW_LAW, 62),),
        trigger="受理行政复议申请之日",
        length=30,
        unit=DAYS,
    ),
    Rule(
        code="reconsideration.opinion_report",
        name="报送行政复议意见书的落实情况",
        citations=(Citation(REVIEW_LAW, 76),),
        trigger="收到行政复议意见书之日",
        length=60,
        unit=DAYS,
        note="将纠正相关违法或者不当行政行为的情况报送行政复议机关",
    ),
    # 行政诉讼 and 民事诉讼
    Rule(
        code="litigation.admin_answer",
        name="行政诉讼被告提交答辩状和证据",
        citations=(Citation(ADMIN_LITIGATION_LAW, 67, 1),),
        trigger="收到起诉状副本之日",
        length=15,
        unit=DAYS,
        note="适用简易程序的，人民法院可以确定更短的答辩期间（行诉解释第一百零四条）",
    ),
    Rule(
        code="litigation.admin_appeal_answer",
        name="行政诉讼二审被上诉人提出答辩状",
        citations=(Citation(ADMIN_LITIGATION_INTERPRETATION, 108, 2),),
        trigger="收到上诉状副本之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.admin_jurisdiction_objection",
        name="行政诉讼提出管辖权异议",
        citations=(Citation(ADMIN_LITIGATION_INTERPRETATION, 10),),
        trigger="收到起诉状副本之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.civil_answer",
        name="民事诉讼被告提出答辩状",
        citations=(Citation(CIVIL_PROCEDURE_LAW, 128),),
        trigger="收到起诉状副本之日",
        length=15,
        unit=DAYS,
        note="适用简易程序的，人民法院可以确定更短的答辩期间（民诉解释第二百六十六条）",
    ),
    Rule(
        code="litigation.civil_appeal_answer",
        name="民事诉讼二审被上诉人提出答辩状",
        citations=(Citation(CIVIL_PROCEDURE_LAW, 174),),
        trigger="收到上诉状副本之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.appeal_judgment",
        name="不服一审判决提起上诉",
        citations=(Citation(CIVIL_PROCEDURE_LAW, 171, 1), Citation(ADMIN_LITIGATION_LAW, 85)),
        trigger="一审判决书送达之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.appeal_ruling",
        name="不服一审裁定提起上诉",
        citations=(Citation(CIVIL_PROCEDURE_LAW, 171, 2), Citation(ADMIN_LITIGATION_LAW, 85)),
        trigger="一审裁定书送达之日",
        length=10,
        unit=DAYS,
        note="只有法律规定可以上诉的裁定（不予受理、驳回起诉、管辖权异议）才能上诉",
    ),
    # 政府信息公开
    Rule(
        code="disclosure.correction_notice",
        name="政府信息公开申请一次性告知补正",
        citations=(Citation(DISCLOSURE_REGULATION, 30),),
        trigger="收到政府信息公开申请之日",
        length=7,
        unit=WORKING_DAYS,
        note="一次性告知需要补正的全部事项和合理的补正期限；答复期限自收到补正的申请之日起重新计算",
    ),
    Rule(
        code="disclosure.reply",
        name="政府信息公开申请答复",
        citations=(Citation(DISCLOSURE_REGULATION, 33, 2),),
        trigger="收到申请之日（第三十一条：当面提交为提交之日，邮寄为签收之日，网络提交为确认之日）",
        length=20,
        unit=WORKING_DAYS,
        extension=Extension(20, WORKING_DAYS, "经政府信息公开工作机构负责人同意并告知申请人"),
        pauses=(_CORRECTION, _CONSULTATION),
        note="能够当场答复的应当当场答复",
    ),
    Rule(
        code="disclosure.third_party",
        name="第三方对政府信息公开提出意见",
        citations=(Citation(DISCLOSURE_REGULATION, 32),),
        trigger="收到征求意见书之日",
        length=15,
        unit=WORKING_DAYS,
        note="逾期未提出意见的，由行政机关依照条例规定决定是否公开",
    ),
    Rule(
        code="disclosure.other_organ",
        name="共同制作机关对政府信息公开提出意见",
        citations=(Citation(DISCLOSURE_REGULATION, 34),),
        trigger="收到征求意见函之日",
        length=15,
        unit=WORKING_DAYS,
        note="逾期未提出意见的视为同意公开",
    ),
    Rule(
        code="disclosure.proactive",
        name="主动公开政府信息",
        citations=(Citation(DISCLOSURE_REGULATION, 26),),
        trigger="政府信息形成或者变更之日",
        length=20,
        unit=WORKING_DAYS,
        note="法律、法规对期限另有规定的，从其规定",
    ),
    # 信访 (calendar days: the 条例 writes "个工作日" where it means working days)
    Rule(
        code="petition.acceptance",
        name="信访事项是否受理书面告知",
        citations=(Citation(PETITION_REGULATION, 23, 2),),
        trigger="收到信访事项之日",
        length=15,
        unit=DAYS,
        note="信访人的姓名（名称）、住址不清的除外",
        warn_unrolled=True,
    ),
    Rule(
        code="petition.acceptance_transferred",
        name="转送、交办信访事项是否受理书面告知",
        citations=(Citation(PETITION_REGULATION, 23, 3),),
        trigger="收到转送、交办的信访事项之日",
        length=15,
        unit=DAYS,
        note="认为不属于本机关职责范围的，应当在5个工作日内向转送、交办机关提出异议",
        warn_unrolled=True,
    ),
    # The same paragraph's second limit (LEGAL-RULES.md §2 writes it in that row's extension column): the
    # 条例 itself writes 工作日 here, so no conversion clause is involved.
    Rule(
        code="petition.transfer_objection",
        name="对转送、交办的信访事项提出异议",
        citations=(Citation(PETITION_REGULATION, 23, 3),),
        trigger="收到转送、交办的信访事项之日",
        length=5,
        unit=WORKING_DAYS,
        note="不属于本机关职责范围的，详细说明理由，经转送、交办机关核实同意后交还相关材料",
    ),
    Rule(
        code="petition.handling",
        name="信访事项办理并出具信访处理意见书",
        citations=(Citation(PETITION_REGULATION, 34),),
        trigger="受理之日",
        length=60,
        unit=DAYS,
        extension=_PETITION_EXTENSION,
        warn_unrolled=True,
    ),
    Rule(
        code="petition.review",
        name="信访事项复查意见",
        citations=(Citation(PETITION_REGULATION, 35),),
        trigger="收到复查请求之日（信访人应在收到处理意见书之日起30日内请求复查）",
        length=30,
        unit=DAYS,
        warn_unrolled=True,
    ),
    Rule(
        code="petition.reexamination",
        name="信访事项复核意见",
        citations=(Citation(PETITION_REGULATION, 36),),
        trigger="收到复核请求之日（信访人应在收到复查意见书之日起30日内请求复核）",
        length=30,
        unit=DAYS,
        pauses=(_PETITION_HEARING,),
        warn_unrolled=True,
    ),
    # 人民调解
    Rule(
        code="mediation.conclude",
        name="人民调解一般调结期限",
        citations=(Citation(MEDIATION_RULES, 33),),
        trigger="受理纠纷之日",
        length=1,
        unit=MONTHS,
        note="原文为一般在一个月内调结（依据二手文本）；属提醒性期限，不是法定障碍",
        advisory=True,
        to_check=True,
    ),
    Rule(
        code="mediation.judicial_confirmation",
        name="双方共同申请司法确认调解协议",
        citations=(Citation(CIVIL_PROCEDURE_LAW, 205), Citation(MEDIATION_LAW, 33)),
        trigger="调解协议生效之日",
        length=30,
        unit=DAYS,
    ),
    # 行政执法
    Rule(
        code="enforcement.decision",
        name="行政处罚案件作出处罚决定",
        citations=(Citation(PENALTY_LAW, 60),),
        trigger="立案之日",
        length=90,
        unit=DAYS,
        note="法律、法规、规章另有规定的，从其规定",
    ),
    Rule(
        code="enforcement.hearing_request",
        name="当事人要求听证",
        citations=(Citation(PENALTY_LAW, 64, item=1),),
        trigger="行政机关告知听证权利之日",
        length=5,
        unit=DAYS,
    ),
    Rule(
        code="enforcement.hearing_notice",
        name="通知当事人举行听证的时间、地点",
        citations=(Citation(PENALTY_LAW, 64, item=2),),
        trigger="听证通知送达之日",
        length=7,
        unit=DAYS,
        minimum=True,
        note="应当在举行听证的七日前通知；所得日期是通知之日后第七个工作日，即最早可以举行听证的日期，"
        "本表不从听证日倒推最迟通知日",
    ),
    Rule(
        code="enforcement.service",
        name="当事人不在场时送达行政处罚决定书",
        citations=(Citation(PENALTY_LAW, 61),),
        trigger="作出行政处罚决定之日",
        length=7,
        unit=DAYS,
        note="依照民事诉讼法的有关规定送达",
    ),
    Rule(
        code="enforcement.preservation",
        name="对先行登记保存的证据作出处理决定",
        citations=(Citation(PENALTY_LAW, 56),),
        trigger="先行登记保存之日",
        length=7,
        unit=DAYS,
    ),
    Rule(
        code="enforcement.withdraw_publication",
        name="撤回已公开的被变更、撤销的行政处罚决定信息",
        citations=(Citation(PENALTY_LAW, 48, 2),),
        trigger="行政处罚决定被依法变更、撤销、确认违法或者确认无效之日",
        length=3,
        unit=DAYS,
    ),
    Rule(
        code="enforcement.fine_payment",
        name="当事人缴纳罚款",
        citations=(Citation(PENALTY_LAW, 67, 3), Citation(PENALTY_LAW, 72)),
        trigger="收到行政处罚决定书之日",
        length=15,
        unit=DAYS,
        note="到期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额",
    ),
    Rule(
        code="enforcement.publicity",
        name="行政处罚、行政许可决定信息公示",
        citations=(Citation(ENFORCEMENT_PUBLICITY_OPINION, section="二、（三）加强事后公开"),),
        trigger="执法决定作出之日",
        length=7,
        unit=WORKING_DAYS,
        note="法律、行政法规另有规定的除外；条目序号待核",
        to_check=True,
    ),
    Rule(
        code="enforcement.publicity_other",
        name="其他行政执法决定信息公示",
        citations=(Citation(ENFORCEMENT_PUBLICITY_OPINION, section="二、（三）加强事后公开"),),
        trigger="执法决定作出之日",
        length=20,
        unit=WORKING_DAYS,
        note="法律、行政法规另有规定的除外；条目序号待核",
        to_check=True,
    ),
    Rule(
        code="enforcement.seizure",
        name="查封、扣押期限内作出处理决定",
        citations=(Citation(COMPULSION_LAW, 25),),
        trigger="实施查封、扣押之日",
        length=30,
        unit=DAYS,
        extension=Extension(30, DAYS, "情况复杂的，经行政机关负责人批准，并书面告知当事人延长的理由"),
        note="法律、行政法规另有规定的除外",
    ),
    Rule(
        code="enforcement.court_enforcement",
        name="申请人民法院强制执行（催告后的最短等待期）",
        citations=(Citation(COMPULSION_LAW, 54),),
        trigger="催告书送达之日",
        length=10,
        unit=DAYS,
        minimum=True,
        note="所得日期是催告书送达后第十个工作日；当事人届时仍未履行义务的，此后可以申请人民法院强制执行，"
        "但须在当事人申请复议、提起诉讼的法定期限届满之日起三个月内申请（第五十三条）",
    ),
    Rule(
        code="enforcement.court_enforcement_limit",
        name="申请人民法院强制执行的最后期限",
        citations=(Citation(COMPULSION_LAW, 53),),
        trigger="当事人申请行政复议或者提起行政诉讼的法定期限届满之日",
        length=3,
        unit=MONTHS,
    ),
    Rule(
        code="enforcement.limitation",
        name="行政处罚追责时效",
        citations=(Citation(PENALTY_LAW, 36),),
        trigger="违法行为发生之日；有连续或者继续状态的，行为终了之日",
        length=2,
        unit=YEARS,
        note="期限内未被发现的，不再给予行政处罚；法律另有规定的除外",
    ),
    Rule(
        code="enforcement.limitation_extended",
        name="行政处罚追责时效（涉及生命健康安全、金融安全且有危害后果）",
        citations=(Citation(PENALTY_LAW, 36),),
        trigger="违法行为发生之日；有连续或者继续状态的，行为终了之日",
        length=5,
        unit=YEARS,
        note="涉及公民生命健康安全、金融安全且有危害后果的，时效延长至五年",
    ),
    # 合法性审核与重大行政决策
    Rule(
        code="review.normative_document",
        name="行政规范性文件合法性审核",
        citations=(Citation(NORMATIVE_REVIEW_OPINION, section="二、（五）"),),
        trigger="审核机构收到送审材料之日",
        length=15,
        unit=WORKING_DAYS,
        min_length=5,
        note="原则上不少于5个工作日，最长不超过15个工作日；地方规定另有期限的，从其规定",
        to_check=True,
    ),
    Rule(
        code="review.major_decision",
        name="重大行政决策合法性审查时间",
        citations=(Citation(MAJOR_DECISION_REGULATION, 26, 2), Citation(MAJOR_DECISION_REGULATION, 42)),
        trigger="送请合法性审查之日",
        length=7,
        unit=WORKING_DAYS,
        minimum=True,
        note="应当保证必要的审查时间，一般不少于7个工作日；乡级人民政府参照执行（第四十二条）；"
        "所得日期是最早可以要求出具审查意见的日期",
    ),
    Rule(
        code="decision.public_comment",
        name="重大行政决策草案公开征求意见",
        citations=(Citation(MAJOR_DECISION_REGULATION, 15, 1),),
        trigger="公布决策草案之日",
        length=30,
        unit=DAYS,
        minimum=True,
        note="征求意见期限一般不少于30日；因情况紧急等原因需要缩短的，应当予以说明；所得日期是征求意见最早可以截止的日期",
    ),
    # 建议、提案
    Rule(
        code="suggestion.npc",
        name="人大代表建议答复",
        citations=(Citation(DEPUTIES_LAW, 51, 2),),
        trigger="交办之日",
        length=3,
        unit=MONTHS,
        note="涉及面广、处理难度大的，见 suggestion.npc_complex",
    ),
    Rule(
        code="suggestion.npc_complex",
        name="人大代表建议答复（涉及面广、处理难度大）",
        citations=(Citation(DEPUTIES_LAW, 51, 2),),
        trigger="交办之日",
        length=6,
        unit=MONTHS,
    ),
    Rule(
        code="suggestion.cppcc",
        name="政协提案答复",
        citations=(Citation(CPPCC_LOCAL_RULES),),
        trigger="交办之日",
        length=3,
        unit=MONTHS,
        extension=Extension(3, MONTHS, "确有困难的，说明理由，最长不超过6个月"),
        note="全国性规定的条文待核，以本区提案办理规定为准",
        to_check=True,
    ),
    Rule(
        code="suggestion.procuratorate",
        name="检察建议书面回复",
        citations=(Citation(PROCURATORATE_RULES, 19),),
        trigger="收到检察建议书之日",
        length=2,
        unit=MONTHS,
        note="检察建议书写明更短期限的，以建议书为准",
        to_check=True,
    ),
    # 公益诉讼 诉前检察建议: two months, and 15 日 where the harm keeps growing (紧急情形). Not a row of
    # LEGAL-RULES.md v2 (issue 16 names it): the provision is the 检察公益诉讼 interpretation's, to be checked.
    # Its 日 are calendar days — the interpretation has no conversion clause (LEGAL-RULES.md §1) — rolled
    # forward from a rest day like every 日 period.
    Rule(
        code="suggestion.public_interest",
        name="公益诉讼诉前检察建议书面回复",
        citations=(Citation(PUBLIC_INTEREST_INTERPRETATION, 21, 2),),
        trigger="收到检察建议书之日",
        length=2,
        unit=MONTHS,
        note="出现国家利益或者社会公共利益损害继续扩大等紧急情形的，见 suggestion.public_interest_urgent",
        to_check=True,
    ),
    Rule(
        code="suggestion.public_interest_urgent",
        name="公益诉讼诉前检察建议书面回复（紧急情形）",
        citations=(Citation(PUBLIC_INTEREST_INTERPRETATION, 21, 2),),
        trigger="收到检察建议书之日",
        length=15,
        unit=DAYS,
        note="国家利益或者社会公共利益损害继续扩大等紧急情形，十五日内书面回复",
        to_check=True,
    ),
    Rule(
        code="suggestion.judicial",
        name="司法建议书面回复",
        citations=(Citation(JUDICIAL_SUGGESTION_RULES, 8),),
        trigger="收到司法建议书之日",
        length=2,
        unit=MONTHS,
        note="以司法建议书载明的期限为准，一般不超过两个月",
    ),
    Rule(
        code="annual_report.publish",
        name="公开上一年度法治政府建设年度报告",
        citations=(Citation(RULE_OF_LAW_SUPERVISION_RULES, 25),),
        trigger="报告所述年度（起算日填该年度内任一日）",
        length=None,
        unit=FIXED_DATE,
        fixed_date=(4, 1),
        note="每年4月1日之前通过报刊、网站等向社会公开，涉密的除外；固定日期，不因节假日顺延；条文为第二十四条或第二十五条，待核",
        to_check=True,
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


class UnknownRule(FazhiError):
    code = "unknown_deadline_rule"

    def __init__(self, code: str):
        close = similar_codes(code)
        hint = f"相近的代码：{'、'.join(close)}。" if close else ""
        super().__init__(f"没有期限规则“{code}”。{hint}全部规则可用 fazhi deadline --rules 查看。")
        self.close = close


def similar_codes(code: str) -> list[str]:
    codes = list(RULES_BY_CODE)
    close = difflib.get_close_matches(code, codes, n=5, cutoff=0.6)
    prefix = code.split(".")[0]
    close += [c for c in codes if c.startswith(prefix + ".") and c not in close]
    return close[:6]


def get_rule(code: str) -> Rule:
    try:
        return RULES_BY_CODE[code]
    except KeyError:
        raise UnknownRule(code) from None
