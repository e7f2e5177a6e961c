"""Every figure in the text: number, unit, what it counts, approximation, and comparisons linked to it."""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from fazhi.figures import registry

from .numerals import (
    BIG_UNIT_CHARS,
    CHINESE_NUMERAL_CHARS,
    MULTIPLIERS,
    arabic_to_decimal,
    as_int_if_whole,
    chinese_to_int,
    mixed_to_decimal,
    parse_number,
    plain,
)
from .result import Comparison, FigureMention, Heading
from .subjects import clean_subject, needs_object, object_after, subject_before, with_object

UNITS = (
    "个百分点", "个工作日", "工作日", "平方米", "公里", "个月", "人次", "家次", "场次", "台次", "件次", "户次",
    "批次", "车次", "小时", "元", "人", "名", "位", "件", "宗", "起", "份", "场", "次", "个", "家", "项", "条",
    "批", "台", "张", "篇", "期", "本", "只", "户", "所", "座", "处", "支", "套", "辆", "部", "册", "幅", "块",
    "棵", "天", "倍", "例", "间", "栋", "吨", "封", "单", "株", "%", "‰",
)  # fmt: skip
UNIT_PATTERN = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
# A Chinese numeral may hold 万/亿 groups ("三亿五千万", "三万五千"), but never starts with one.
CHINESE_NUMBER = "[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*"
# Arabic digits with Chinese group units: "3亿5千万", "1亿2000万", "1万5千".
MIXED_NUMBER = r"[0-9]+亿[0-9]+千?万|[0-9]+万[0-9]+千(?:[0-9]+百)?"
FIGURE = re.compile(
    r"(?P<pre>超过|不少于|不低于|约|近|超|逾)?"
    rf"(?P<num>{MIXED_NUMBER}|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|{CHINESE_NUMBER})"
    r"(?P<more>余|多)?(?P<mult>万|亿)?(?P<more2>余|多)?"
    rf"(?P<unit>{UNIT_PATTERN})?"
    r"(?P<post>左右|以上|以下|以内)?"
)
RATE_UNITS = ("%", "个百分点", "倍")
COMPARISON = re.compile(
    r"(?P<basis>(?:较|比|与)(?P<what>去年同期|上年同期|去年|上年|上一年度?|同期|[0-9]{4}年度?(?:同期)?)(?:相比)?)?"
    r"(?P<marker>同比|环比)?"
    r"(?P<verb>上升|增长|增加|提高|提升|下降|减少|降低|下滑|回落|增幅|降幅|涨幅)"
    r"(?P<filler>了|为|达到|达|约)?"
    r"(?P<rate>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]{1,3}(?=个百分点|倍))"
    rf"(?P<runit>%|个百分点|倍|{UNIT_PATTERN})"
)
# "连续三年获评优秀", "连续8年开展述法": a count of years (or terms) in a row, not a count of things.
YEARS = re.compile(r"连续(?P<num>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?P<unit>个年度|年|届)")
DOWN_WORDS = ("下降", "减少", "降低", "下滑", "回落", "降幅")
NOT_AFTER_ARABIC = set("0123456789.-~_/") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
NOT_BEFORE_CHINESE = set(CHINESE_NUMERAL_CHARS) | set("第数几周初星礼")
SENTENCE_END = re.compile(r"[。；;\n!！?？]")
CJK = re.compile(r"[\u4e00-\u9fff]")


def find_figures(text: str, outline: list[Heading] = ()) -> list[FigureMention]:
    """The figures of ``text``; ``outline`` (headings with offsets into ``text``) gives each figure the
    section its code is read in."""
    comparisons = [c for c in (_comparison(m) for m in COMPARISON.finditer(text)) if c is not None]
    years = [y for y in (_years(text, m) for m in YEARS.finditer(text)) if y is not None]
    # Spans read otherwise: a comparison's rate and "连续3个年度" hold no figure of their own.
    taken = sorted([(c.start, c.end) for c in comparisons] + [(y.start, y.end) for y in years])
    figures: list[FigureMention] = []
    floor = 0
    upcoming = 0  # the taken spans do not overlap and come in order: one pointer finds the next one
    for found in FIGURE.finditer(text):
        while upcoming < len(taken) and taken[upcoming][1] <= found.start():
            upcoming += 1
        if upcoming < len(taken) and taken[upcoming][0] < found.end():
            continue
        figure = _figure(text, found, floor)
        if figure is not None:
            figures.append(figure)
            floor = figure.end
    _attach(text, figures, comparisons)
    for figure in figures:
        figure.code = registry.code_for_phrase(
            figure.subject,
            section=_section(outline, figure.start),
            # a change's unit is its rate's (%), not the unit of what changed
            unit=figure.base_unit if figure.kind == "value" else None,
        )
    _rest_beside_its_part(text, figures)
    figures.extend(years)  # no registry figure counts years in a row: no code
    figures.sort(key=lambda f: f.start)
    return figures


def _rest_beside_its_part(text: str, figures: list[FigureMention]) -> None:
    """A whole stated beside one of its parts in the same sentence is the rest ("开展涉诉案件分析会5场、年度涉诉
    案件总结分析会1场": 5 regular meetings and the annual one, not 5 in all) where the registry has that figure
    (``Figure.rest_of``)."""
    rests = registry.rests()
    ends = [found.start() for found in SENTENCE_END.finditer(text)]
    sentences: dict[int, list[FigureMention]] = {}
    for figure in figures:
        if figure.code:
            sentences.setdefault(bisect_right(ends, figure.start), []).append(figure)
    for stated in sentences.values():
        codes = {figure.code for figure in stated}
        for whole in stated:
            rest = next((rests[(whole.code, part)] for part in codes if (whole.code, part) in rests), None)
            whole.code = rest or whole.code


def _section(outline: list[Heading], position: int) -> list[str]:
    """The titles of the headings ``position`` lies under, outermost first."""
    titles: list[str] = []
    level = outline
    while True:
        inside = next((h for h in level if h.start <= position < h.end), None)
        if inside is None:
            return titles
        titles.append(inside.title)
        level = inside.children


def _years(text: str, found: re.Match) -> FigureMention | None:
    value = parse_number(found.group("num"))
    if not value:
        return None
    unit = "年" if found.group("unit") == "个年度" else found.group("unit")
    subject = clean_subject(object_after(text, found.end()).removeprefix("被"))
    if not subject:
        subject = subject_before(text, found.start(), 0)
    number = as_int_if_whole(value)
    return FigureMention(
        text=found.group(0),
        value=number,
        unit=unit,
        base_value=number,
        base_unit=unit,
        subject=subject,
        approx=[],
        start=found.start(),
        end=found.end(),
        kind="years",
    )


def _figure(text: str, found: re.Match, floor: int) -> FigureMention | None:
    written = found.group("num")
    unit, mult, post = found.group("unit"), found.group("mult"), found.group("post")
    before = text[found.start("num") - 1] if found.start("num") > 0 else ""
    if written[0].isascii():
        if before in NOT_AFTER_ARABIC or before == "第":
            return None
        mixed = not written.isascii()
        value = mixed_to_decimal(written) if mixed else arabic_to_decimal(written)
    else:
        if not unit or before in NOT_BEFORE_CHINESE or written in ("一", "百", "千"):
            return None
        after = text[found.end() : found.end() + 1]
        if after and after in CHINESE_NUMERAL_CHARS:
            return None  # slogans such as 三个一, 五位一体, 一案一策
        if written[-1] in BIG_UNIT_CHARS and not any(char in BIG_UNIT_CHARS for char in written[:-1]):
            # "五千万元" reads like "5000万元": the last 万/亿 is the unit's multiplier. A numeral with
            # groups inside ("三亿五千万元") is one number of the base unit.
            written, mult = written[:-1], written[-1]
        number = chinese_to_int(written)
        value = None if number is None else Decimal(number)
    if value is None or not (unit or mult):
        return None
    if post in ("以上", "以下") and CJK.match(text[found.end() : found.end() + 1]):
        return None  # a threshold ("30人以上重大劳资纠纷"), not a count
    approx = [q for q in (found.group("pre"), found.group("more"), found.group("more2"), post) if q]
    base_value = plain(value * MULTIPLIERS[mult]) if mult else value
    subject = subject_before(text, found.start(), floor)
    if needs_object(subject):
        subject = with_object(subject, text, found.end())
    return FigureMention(
        text=found.group(0),
        value=as_int_if_whole(value),
        unit=(mult or "") + (unit or ""),
        base_value=as_int_if_whole(base_value),
        base_unit=unit,
        subject=subject,
        approx=approx,
        start=found.start(),
        end=found.end(),
    )


def _comparison(found: re.Match) -> Comparison | None:
    verb, unit = found.group("verb"), found.group("runit")
    stated = found.group("basis") or found.group("marker") or verb.endswith("幅")
    if not stated and (unit not in RATE_UNITS or found.group("filler") not in (None, "了")):
        # "增长100%" is a change; "提升为100%" states a level, and "增加3个" counts new things.
        return None
    rate = parse_number(found.group("rate"))
    if rate is None:
        return None
    direction = "flat" if rate == 0 else ("down" if verb in DOWN_WORDS else "up")
    return Comparison(
        direction=direction,
        rate=rate,
        rate_unit=found.group("runit"),
        basis=found.group("what") or found.group("marker") or "",
        text=found.group(0),
        start=found.start(),
        end=found.end(),
    )


def _attach(text: str, figures: list[FigureMention], comparisons: list[Comparison]) -> None:
    """A comparison right after a figure qualifies it; otherwise it stands as a figure of kind "change"."""
    standalone = []
    ends = [figure.end for figure in figures]  # figures come in text order and do not overlap
    for comparison in comparisons:
        position = bisect_right(ends, comparison.start)
        previous = figures[position - 1] if position else None
        if previous is not None and previous.comparison is None and _qualifies(text, previous, comparison):
            previous.comparison = comparison
            continue
        floor = previous.end if previous is not None else 0
        rate = as_int_if_whole(comparison.rate)
        standalone.append(
            FigureMention(
                text=comparison.text,
                value=rate,
                unit=comparison.rate_unit,
                base_value=rate,
                base_unit=comparison.rate_unit,
                subject=subject_before(text, comparison.start, floor),
                approx=[],
                start=comparison.start,
                end=comparison.end,
                kind="change",
                comparison=comparison,
            )
        )
    figures.extend(standalone)


def _qualifies(text: str, figure: FigureMention, comparison: Comparison) -> bool:
    between = text[figure.end : comparison.start]
    if SENTENCE_END.search(between):
        return False
    said = clean_subject(between.strip(",，、 "))
    if not said:
        return True
    # "受理案件2724件,受理案件数量同比增长55%" is the same count; "调解成功率" is another one.
    return bool(figure.subject) and said.startswith(figure.subject) and not said.endswith("率")
