"""The statutory limits (LEGAL-RULES.md §2): the one table of how long each step may take, with its source.

No number of days is written anywhere else in Fazhi: ledgers ask `due_for_rule(code, start)`.
`to_check=True` marks rows whose article number LEGAL-RULES.md asks to verify against the official text.
"""

import difflib
from dataclasses import dataclass

from fazhi.ledger.errors import FazhiError

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
    source: str
    aliases: tuple[str, ...] = ()

    def matches(self, reason: str) -> bool:
        return reason == self.reason or reason in self.aliases


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    law: str
    article: str
    trigger: str
    length: int | None
    unit: str
    extension: Extension | None = None
    pauses: tuple[PauseRule, ...] = ()
    note: str = ""
    min_length: int | None = None  # a lower bound the office must also respect (e.g. review time)
    minimum: bool = False  # the length is a minimum time to allow, not a limit to meet
    advisory: bool = False  # a norm to warn on, not a legal bar
    fixed_date: tuple[int, int] | None = None  # (month, day) of the following year the step must precede
    to_check: bool = False

    @property
    def source(self) -> str:
        return f"《{self.law}》{self.article}"

    @property
    def period_text(self) -> str:
        if self.fixed_date:
            return f"次年{self.fixed_date[0]}月{self.fixed_date[1]}日前"
        text = unit_text(self.length, self.unit)
        if self.min_length:
            text = f"{self.min_length}至{text}"
        if self.minimum:
            text = f"不少于{text}"
        if self.extension:
            text += f"（可延长{unit_text(self.extension.length, self.extension.unit)}）"
        return text


_CORRECTION = PauseRule(
    "补正",
    restarts=True,
    source="《政府信息公开条例》第三十条：答复期限自行政机关收到补正的申请之日起计算",
    aliases=("correction",),
)
_CONSULTATION = PauseRule(
    "征求第三方和其他机关意见",
    restarts=False,
    source="《政府信息公开条例》第三十三条第二款：征求第三方和其他机关意见所需时间不计算在期限内",
    aliases=("consultation", "third_party", "征求意见", "征求第三方意见"),
)

RULES: tuple[Rule, ...] = (
    Rule(
        code="reconsideration.reply",
        name="行政复议被申请人书面答复并提交证据",
        law="中华人民共和国行政复议法（2023年修订）",
        article="第四十八条",
        trigger="收到行政复议申请书副本或者申请笔录复印件之日",
        length=10,
        unit=DAYS,
    ),
    Rule(
        code="litigation.admin_answer",
        name="行政诉讼被告提交答辩状和证据",
        law="中华人民共和国行政诉讼法",
        article="第六十七条",
        trigger="收到起诉状副本之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.civil_answer",
        name="民事诉讼被告提出答辩状",
        law="中华人民共和国民事诉讼法",
        article="第一百二十八条",
        trigger="收到起诉状副本之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.appeal_judgment",
        name="不服一审判决提起上诉",
        law="中华人民共和国民事诉讼法",
        article="第一百七十一条（行政诉讼法第八十五条同）",
        trigger="一审判决书送达之日",
        length=15,
        unit=DAYS,
    ),
    Rule(
        code="litigation.appeal_ruling",
        name="不服一审裁定提起上诉",
        law="中华人民共和国民事诉讼法",
        article="第一百七十一条（行政诉讼法第八十五条同）",
        trigger="一审裁定书送达之日",
        length=10,
        unit=DAYS,
        note="只有法律规定可以上诉的裁定（不予受理、驳回起诉、管辖权异议）才能上诉",
    ),
    Rule(
        code="disclosure.correction_notice",
        name="政府信息公开申请一次性告知补正",
        law="政府信息公开条例",
        article="第三十条",
        trigger="收到政府信息公开申请之日",
        length=7,
        unit=WORKING_DAYS,
        note="一次性告知需要补正的全部事项和合理的补正期限；补正时间不计入答复期限",
        to_check=True,
    ),
    Rule(
        code="disclosure.reply",
        name="政府信息公开申请答复",
        law="政府信息公开条例",
        article="第三十三条",
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
        law="政府信息公开条例",
        article="第三十二条",
        trigger="收到征求意见书之日",
        length=15,
        unit=WORKING_DAYS,
        note="逾期未提出意见的，由行政机关依照条例规定决定是否公开",
    ),
    Rule(
        code="petition.acceptance",
        name="信访事项是否受理书面告知",
        law="信访工作条例",
        article="第三十一条",
        trigger="收到信访事项之日",
        length=15,
        unit=DAYS,
        to_check=True,
    ),
    Rule(
        code="petition.handling",
        name="信访事项办理并出具处理意见",
        law="信访工作条例",
        article="第三十五条",
        trigger="受理之日",
        length=60,
        unit=DAYS,
        extension=Extension(30, DAYS, "情况复杂的，经批准并告知信访人延期理由"),
        to_check=True,
    ),
    Rule(
        code="petition.review",
        name="信访事项复查意见",
        law="信访工作条例",
        article="第三十五条、第三十六条",
        trigger="收到复查请求之日（信访人应在收到处理意见之日起30日内请求复查）",
        length=30,
        unit=DAYS,
        to_check=True,
    ),
    Rule(
        code="mediation.conclude",
        name="人民调解一般调结期限",
        law="人民调解工作若干规定（司法部2002年）",
        article="第三十四条",
        trigger="受理纠纷之日",
        length=30,
        unit=DAYS,
        note="原文为一般在一个月内调结，按30日计；当事人同意可以延长，属提醒性期限，不是法定障碍",
        advisory=True,
        to_check=True,
    ),
    Rule(
        code="mediation.judicial_confirmation",
        name="双方共同申请司法确认调解协议",
        law="中华人民共和国民事诉讼法",
        article="第二百零五条",
        trigger="调解协议生效之日",
        length=30,
        unit=DAYS,
    ),
    Rule(
        code="enforcement.decision",
        name="行政处罚案件作出处罚决定",
        law="中华人民共和国行政处罚法（2021年修订）",
        article="第六十条",
        trigger="立案之日",
        length=90,
        unit=DAYS,
        note="法律、法规、规章另有规定的，从其规定",
    ),
    Rule(
        code="enforcement.hearing_request",
        name="当事人要求听证",
        law="中华人民共和国行政处罚法（2021年修订）",
        article="第六十四条",
        trigger="行政机关告知听证权利之日",
        length=5,
        unit=DAYS,
    ),
    Rule(
        code="enforcement.publicity",
        name="行政执法决定信息公示",
        law="国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见"
        "（国办发〔2018〕118号）",
        article="二、（三）",
        trigger="执法决定作出之日",
        length=7,
        unit=WORKING_DAYS,
        note="法律、行政法规另有规定的除外",
        to_check=True,
    ),
    Rule(
        code="enforcement.limitation",
        name="行政处罚追责时效",
        law="中华人民共和国行政处罚法（2021年修订）",
        article="第三十六条",
        trigger="违法行为发生之日；有连续或者继续状态的，行为终了之日",
        length=2,
        unit=YEARS,
        note="期限内未被发现的，不再给予行政处罚；法律另有规定的除外",
    ),
    Rule(
        code="enforcement.limitation_extended",
        name="行政处罚追责时效（涉及生命健康安全、金融安全且有危害后果）",
        law="中华人民共和国行政处罚法（2021年修订）",
        article="第三十六条",
        trigger="违法行为发生之日；有连续或者继续状态的，行为终了之日",
        length=5,
        unit=YEARS,
        note="涉及公民生命健康安全、金融安全且有危害后果的，时效延长至五年",
    ),
    Rule(
        code="review.normative_document",
        name="行政规范性文件合法性审核",
        law="国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）",
        article="二、（五）",
        trigger="审核机构收到送审材料之日",
        length=15,
        unit=WORKING_DAYS,
        min_length=5,
        note="原则上不少于5个工作日，最长不超过15个工作日",
        to_check=True,
    ),
    Rule(
        code="review.major_decision",
        name="重大行政决策合法性审查时间",
        law="重大行政决策程序暂行条例",
        article="第二十六条",
        trigger="送请合法性审查之日",
        length=7,
        unit=WORKING_DAYS,
        minimum=True,
        note="应当保证必要的审查时间，一般不少于7个工作日；所得日期是最早可以要求出具审查意见的日期",
        to_check=True,
    ),
    Rule(
        code="suggestion.procuratorate",
        name="检察建议书面回复",
        law="人民检察院检察建议工作规定",
        article="第十九条",
        trigger="收到检察建议书之日",
        length=2,
        unit=MONTHS,
        to_check=True,
    ),
    Rule(
        code="suggestion.npc",
        name="人大代表建议、政协提案答复",
        law="中华人民共和国全国人民代表大会和地方各级人民代表大会代表法及地方规定",
        article="第四十三条",
        trigger="交办之日",
        length=3,
        unit=MONTHS,
        note="紧急事项应当更早答复；以当地办理规定为准",
        to_check=True,
    ),
    Rule(
        code="annual_report.publish",
        name="公开上一年度法治政府建设年度报告",
        law="法治政府建设与责任落实督察工作规定",
        article="第二十五条",
        trigger="报告所述年度（起算日填该年度内任一日）",
        length=None,
        unit=FIXED_DATE,
        fixed_date=(4, 1),
        note="每年4月1日之前通过报刊、网站等向社会公开，涉密的除外；固定日期，不因节假日顺延",
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
