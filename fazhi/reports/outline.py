"""The outline every annual report starts from, as data.

The five items are mandated by 《法治政府建设与责任落实督察工作规定》 第二十五条 (LEGAL-RULES.md §3);
an office may reorder them (观澜). Many reports since 2022 also say how last year's shortcomings were
remedied; like the 观澜 seed, that part sits inside item 2, before this year's shortcomings. It is
optional (五常 2024 has none), and left out of the export when empty. Inside item 1
many offices follow the chapters of 《法治政府建设实施纲要（2021－2025年）》 (the 西乡 seed); those
chapters are optional: a chapter left empty is not exported.

Titles may name years: ``{year}`` is the reported year, ``{next_year}`` the one after, ``{last_year}``
the one before.
"""

from __future__ import annotations

from dataclasses import dataclass

PREAMBLE = "preamble"
MEASURES = "measures"
SHORTCOMINGS = "shortcomings"
REMEDY = "remedy"
CURRENT_SHORTCOMINGS = "shortcomings_current"
LEADERSHIP = "leadership"
PLANS = "plans"
OTHER = "other"


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    mandated: bool = False  # one of the five items, or a part the completeness check requires
    children: tuple[SectionSpec, ...] = ()
    heading: bool = True  # the preamble is body text before the first heading

    def title_for(self, year: int) -> str:
        return self.title.format(year=year, next_year=year + 1, last_year=year - 1)


CHAPTERS: tuple[SectionSpec, ...] = (
    SectionSpec("institutions", "健全政府机构职能体系，推动更好发挥政府作用"),
    SectionSpec("decisions", "健全行政决策制度体系，不断提升行政决策公信力和执行力"),
    SectionSpec("enforcement", "健全行政执法工作体系，全面推进严格规范公正文明执法"),
    SectionSpec("emergencies", "健全突发事件应对体系，依法预防处置重大突发事件"),
    SectionSpec("disputes", "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义"),
    SectionSpec("oversight", "健全行政权力制约和监督体系，促进行政权力规范透明运行"),
    SectionSpec("technology", "健全法治政府建设科技保障体系，全面建设数字法治政府"),
    SectionSpec("mechanism", "完善法治政府建设推进机制"),
)
CHAPTER_KEYS = tuple(chapter.key for chapter in CHAPTERS)

# The 纲要's first chapter, which 观澜 and 西乡 lead with; offered, not created unless chosen, and
# placed before the other chapters.
THOUGHT = SectionSpec("thought", "深入学习贯彻习近平法治思想，努力实现法治政府建设全面突破")
OPTIONAL_CHAPTERS = (THOUGHT,)

OUTLINE: tuple[SectionSpec, ...] = (
    SectionSpec(PREAMBLE, "导语", heading=False),
    SectionSpec(MEASURES, "{year}年推进法治政府建设的主要举措和成效", mandated=True, children=CHAPTERS),
    SectionSpec(
        SHORTCOMINGS,
        "{year}年推进法治政府建设存在的不足和原因",
        mandated=True,
        children=(
            # Optional: the 2019 规定 lists five items, not this one (the analyzer agrees: required=False).
            SectionSpec(REMEDY, "{last_year}年度存在问题的整改情况"),
            SectionSpec(CURRENT_SHORTCOMINGS, "{year}年度存在的不足和原因"),
        ),
    ),
    SectionSpec(
        LEADERSHIP,
        "{year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        mandated=True,
    ),
    SectionSpec(PLANS, "{next_year}年推进法治政府建设的主要安排", mandated=True),
    SectionSpec(OTHER, "其他需要报告的情况", mandated=True),
)

MANDATED_ITEMS = tuple(spec.key for spec in OUTLINE if spec.mandated)


# 一、/（一）/1./（1）: GB/T 9704-2012 numbers four levels of headings, so an outline goes no deeper.
MAX_DEPTH = 4


def walk(specs: tuple[SectionSpec, ...] = OUTLINE, parent: SectionSpec | None = None):
    """(spec, parent spec) pairs in document order."""
    for spec in specs:
        yield spec, parent
        yield from walk(spec.children, spec)


def spec_for(key: str) -> SectionSpec | None:
    return next((spec for spec, _ in walk() if spec.key == key), None)


def ancestors(key: str) -> list[str]:
    """The keys above a section of the standard outline, nearest first: where its paragraphs go
    when the office's outline has no section of that key ("disputes" → ["measures"])."""
    parents = {spec.key: parent.key for spec, parent in walk() if parent is not None}
    found = []
    while key in parents:
        key = parents[key]
        found.append(key)
    return found
