"""The items a 法治政府建设年度报告 must contain (法治政府建设与责任落实督察工作规定 第二十五条),
found by meaning in the headings: keyword sets, not exact wording, and one heading may serve two
items (the 观澜 seed folds the remedy of last year's shortcomings into its shortcomings part).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .result import Heading, MandatedItem


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    required: bool
    matches: Callable[[str], bool]


def _has(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda title: bool(compiled.search(title))


REMEDY = re.compile(r"(?:改进|整改|改正|纠正|落实)(?:情况|措施)?|(?:问题|不足).{0,6}(?:改进|整改)")
PROBLEM = re.compile(r"问题|不足|短板|差距")
SHORTCOMING = re.compile(r"不足|存在的?问题|问题和不足|问题与不足|短板|薄弱|差距")
MEASURES = re.compile(r"举措|成效|主要做法|工作开展情况|主要工作|工作成绩|取得的?成绩|工作情况")
CHAPTER = re.compile(r"体系|推进机制")  # the 纲要's chapters, which many reports use as item 1
PLANS = re.compile(
    r"下一年度?|下一步|明年|[0-9]{4}年(?:度)?(?:的)?(?:工作)?(?:思路|计划|打算|安排)|工作(?:思路|计划|打算|安排|展望)|主要安排|展望"
)


def _is_remedy(title: str) -> bool:
    return bool(PROBLEM.search(title) and REMEDY.search(title))


def _is_shortcoming(title: str) -> bool:
    if "不足" in title:
        return True
    return bool(SHORTCOMING.search(title)) and not _is_remedy(title)


def _is_plan(title: str) -> bool:
    return bool(PLANS.search(title)) and not MEASURES.search(title) and not _is_remedy(title)


RULES = (
    Rule("measures", "上一年度推进法治政府建设的主要举措和成效", True, _has(MEASURES.pattern)),
    Rule("shortcomings", "上一年度推进法治政府建设存在的不足和原因", True, _is_shortcoming),
    Rule(
        "leadership",
        "上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        True,
        _has(r"第一责任人|主要负责人|主要领导.{0,6}(?:职责|责任)|述法"),
    ),
    Rule("plans", "下一年度推进法治政府建设的主要安排", True, _is_plan),
    Rule("other", "其他需要报告的情况", True, _has(r"其他(?:需要|需|应当)?(?:报告|说明)?的?(?:情况|事项)")),
    Rule("remedy", "上一年度问题整改情况", False, _is_remedy),
)


def check_mandated(outline: list[Heading]) -> list[MandatedItem]:
    headings = _by_level(outline)
    items = []
    for rule in RULES:
        heading = next((h for h in headings if rule.matches(h.title)), None)
        if heading is None and rule.key == "measures":
            heading = _measures_by_chapters(outline, headings)
        items.append(MandatedItem(rule.key, rule.label, rule.required, heading is not None, heading))
    return items


def _by_level(outline: list[Heading]) -> list[Heading]:
    """Top-level parts first: a part named for an item beats a sub-heading that mentions it."""
    every = [heading for root in outline for heading in root.walk()]
    return sorted(every, key=lambda h: (h.level, h.start))


def _measures_by_chapters(outline: list[Heading], headings: list[Heading]) -> Heading | None:
    """Reports that follow the 纲要 chapters (健全…体系) report measures and results part by part."""
    chapters = [h for h in outline if CHAPTER.search(h.title)]
    if len(chapters) >= 2:
        return chapters[0]
    others = [h for h in outline if not any(rule.matches(h.title) for rule in RULES)]
    return others[0] if len(others) >= 2 else None
