"""The laws the rules table cites, citations to 条/款/项, and how each law counts its periods (LEGAL-RULES.md §1).

Articles are numbered as in the text in force that LEGAL-RULES.md version 2 was checked against
(行政复议法 2023年修订, 行政处罚法 2021年修订, 代表法 2025年修正, 信访工作条例 2022, 民事诉讼法 2023年修正).
"""

from dataclasses import dataclass

REVIEW_LAW = "中华人民共和国行政复议法"
ADMIN_LITIGATION_LAW = "中华人民共和国行政诉讼法"
ADMIN_LITIGATION_INTERPRETATION = "最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释"
CIVIL_PROCEDURE_LAW = "中华人民共和国民事诉讼法"
DISCLOSURE_REGULATION = "中华人民共和国政府信息公开条例"
PETITION_REGULATION = "信访工作条例"
MEDIATION_RULES = "人民调解工作若干规定"
MEDIATION_LAW = "中华人民共和国人民调解法"
PENALTY_LAW = "中华人民共和国行政处罚法"
COMPULSION_LAW = "中华人民共和国行政强制法"
LICENSING_LAW = "中华人民共和国行政许可法"
ENFORCEMENT_PUBLICITY_OPINION = (
    "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见"
    "（国办发〔2018〕118号）"
)
NORMATIVE_REVIEW_OPINION = (
    "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）"
)
MAJOR_DECISION_REGULATION = "重大行政决策程序暂行条例"
DEPUTIES_LAW = "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法"
CPPCC_LOCAL_RULES = "本地政协提案办理工作规定"
PROCURATORATE_RULES = "人民检察院检察建议工作规定"
PUBLIC_INTEREST_INTERPRETATION = (
    "最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释（法释〔2018〕6号，2020年修正）"
)
JUDICIAL_SUGGESTION_RULES = "最高人民法院关于综合治理类司法建议工作若干问题的规定（法释〔2023〕11号）"
RULE_OF_LAW_SUPERVISION_RULES = "法治政府建设与责任落实督察工作规定"

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """Chinese numerals as articles are numbered: 十, 十一, 二十, 一百零一, 一百一十, 二百零五 (1–999)."""
    if not 0 < n < 1000:
        raise ValueError(f"cn_number: {n} is outside 1–999")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    if ones:
        text += _DIGITS[ones]
    return text


@dataclass(frozen=True)
class Citation:
    """One provision: the law, its 条, 款 and 项; or a part of a document without articles (`section`)."""

    law: str
    article: int | None = None  # 条
    paragraph: int | None = None  # 款
    item: int | None = None  # 项
    section: str = ""  # e.g. 二、（三） of a State Council opinion

    @property
    def provision(self) -> str:
        """第六十四条第（一）项, 第八十八条第二款; empty when the document is cited as a whole."""
        if self.section:
            return self.section
        text = f"第{cn_number(self.article)}条" if self.article else ""
        if self.paragraph:
            text += f"第{cn_number(self.paragraph)}款"
        if self.item:
            text += f"第（{cn_number(self.item)}）项"
        return text

    @property
    def text(self) -> str:
        return f"《{self.law}》{self.provision}"


def render_citations(citations) -> str:
    """《A》第四十八条、第八十八条第二款、《B》第三十三条: each law named once, before its first provision."""
    parts, named = [], None
    for citation in citations:
        if citation.law == named:
            parts.append(citation.provision)
        else:
            parts.append(citation.text)
            named = citation.law
    return "、".join(part for part in parts if part)


@dataclass(frozen=True)
class ConversionClause:
    """A clause that makes some of a law's periods written in 日 count working days (LEGAL-RULES.md §1)."""

    citation: Citation
    lengths: frozenset[int] = frozenset()  # the listed lengths in 日 ...
    up_to: int | None = None  # ... or every length up to this many 日 ...
    every_length: bool = False  # ... or all of them

    def covers(self, length: int | None) -> bool:
        if length is None:
            return False
        return (
            self.every_length or length in self.lengths or (self.up_to is not None and length <= self.up_to)
        )

    def explain(self, length: int) -> str:
        return f"依{self.citation.text}，本期限中的“{cn_number(length)}日”指工作日，不含法定节假日。"


# Longer periods of these laws (15, 20, 30, 60, 90 日) stay calendar days.
CONVERSION_CLAUSES: dict[str, ConversionClause] = {
    clause.citation.law: clause
    for clause in (
        ConversionClause(Citation(REVIEW_LAW, 88, 2), lengths=frozenset({3, 5, 7, 10})),
        ConversionClause(Citation(PENALTY_LAW, 85), lengths=frozenset({2, 3, 5, 7})),
        ConversionClause(Citation(COMPULSION_LAW, 69), up_to=10),
        # 行政许可法 counts every period of the organ's own (not the applicant's) in working days.
        ConversionClause(Citation(LICENSING_LAW, 82), every_length=True),
    )
}

# Where a procedure has its own counting provisions (start day not counted, a last day on a rest day moves on),
# the explanation names them; other periods follow 民法典 第二百零一条至第二百零三条.
_ADMIN_LITIGATION_COUNTING = (
    Citation(ADMIN_LITIGATION_LAW, 101),
    Citation(ADMIN_LITIGATION_INTERPRETATION, 48),
)
COUNTING_CLAUSES: dict[str, tuple[Citation, ...]] = {
    ADMIN_LITIGATION_LAW: _ADMIN_LITIGATION_COUNTING,
    ADMIN_LITIGATION_INTERPRETATION: _ADMIN_LITIGATION_COUNTING,
    CIVIL_PROCEDURE_LAW: (Citation(CIVIL_PROCEDURE_LAW, 85),),
    REVIEW_LAW: (Citation(REVIEW_LAW, 88, 1),),
}
