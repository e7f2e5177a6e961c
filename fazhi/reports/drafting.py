"""Sentence templates in the style of the published reports, keyed by figure codes.

A template belongs to a section of the outline and yields one paragraph. Its sentences are made
of clauses joined by "，"; a clause is kept only when every figure it quotes is declared in the
registry and has something to say (a non-zero value; for a ``change:`` placeholder, a known last
year). A sentence with no clause left is dropped, and a template whose very first clause cannot be
kept yields nothing — the report never states a figure it does not have.

Money placeholders render with their unit (1880万元), so templates write no unit after them.
``{year}``, ``{last_year}``, ``{subject}`` (街道/区/社区) and ``{org}`` are filled in when drafting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fazhi.orgs.models import Kind, Organisation

from . import outline
from .figure_source import FigureValue, is_declared
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
                "{year}年，{subject}共接收矛盾纠纷{{disputes.received}}件",
                "{{change:disputes.received}}",
                "调解成功{{disputes.mediated_success}}件",
                "调解成功率{{disputes.success_rate}}%",
            ),
            _s(
                "{subject}调委会调处{{disputes.received.street_committee}}件",
                "各社区调委会调处{{disputes.received.community_committee}}件",
                "警民联调工作室化解矛盾纠纷{{disputes.police_joint}}件",
                "心理服务参与化解矛盾纠纷{{disputes.psych_service}}宗",
                lead="其中",
            ),
            _s(
                "涉案人数{{disputes.persons_involved}}人",
                "涉案金额{{disputes.amount_involved}}",
                "挽回经济损失{{disputes.amount_recovered}}",
            ),
            _s("{subject}化解群体性矛盾纠纷{{disputes.group_disputes}}件"),
            _s(
                "委派矛盾纠纷{{disputes.dispatched}}宗",
                "办结{{disputes.dispatched_closed}}宗",
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
            ),
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
                lead="其中",
            ),
            _s(
                "检查企业{{enforcement.inspections}}次",
                "发现隐患{{enforcement.hazards}}条",
                "罚没金额{{enforcement.fines}}",
            ),
        ),
    ),
)

# Paragraphs with no figures, where the seeds nearly always say the same.
FIXED_TEXTS: tuple[tuple[str, str, str], ...] = (
    (
        "preamble",
        outline.PREAMBLE,
        "{year}年，{org}深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021－2025年）》，"
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


def fill(text: str, org: Organisation, year: int) -> str:
    subject = SUBJECTS.get(org.kind, org.name)
    for name, value in (
        ("{year}", year),
        ("{last_year}", year - 1),
        ("{subject}", subject),
        ("{org}", org.name),
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
        value = values[placeholder.code].value
        if placeholder.kind == "value" and value == 0:
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


def drafts(org: Organisation, year: int, values: Mapping[str, FigureValue]) -> list[Draft]:
    """Every paragraph the drafting can write for the org and year, in template order."""
    found = [Draft(key, section, fill(text, org, year)) for key, section, text in FIXED_TEXTS]
    for template in TEMPLATES:
        text = draft_text(template, values)
        if text is not None:
            found.append(Draft(template.key, template.section, fill(text, org, year)))
    return found


def template_by_key(key: str) -> DraftTemplate | tuple[str, str, str] | None:
    for template in TEMPLATES:
        if template.key == key:
            return template
    return next((fixed for fixed in FIXED_TEXTS if fixed[0] == key), None)
