"""The annual report as a plain document: title, issuer, date and a flat list of blocks.

Drafting builds a :class:`ReportDocument`; the renderers (Word, HTML, Markdown, plain text) only
read it. Keeping it free of Django lets the renderers be tested and reused (command line, API,
analyzer round trips) without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from fazhi.dates import cn_date

HEADING_LEVELS = (1, 2, 3, 4)
MAX_ENUMERATION = 99

_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Run:
    """A span of a paragraph; ``figure_code`` links a quoted number to the figure registry."""

    text: str
    figure_code: str | None = None


@dataclass(frozen=True)
class Heading:
    level: int
    number: str  # "一、", "（一）", "1.", "（1）" — kept apart so that renumbering never touches the text
    text: str

    def __post_init__(self) -> None:
        if self.level not in HEADING_LEVELS:
            raise ValueError(f"标题层级应为 1 至 4，收到 {self.level!r}。")

    @property
    def full_text(self) -> str:
        return f"{self.number}{self.text}"


@dataclass(frozen=True)
class Paragraph:
    """Body text; ``runs``, when given, split exactly the same text into plain and figure spans."""

    text: str
    runs: tuple[Run, ...] | None = None

    def __post_init__(self) -> None:
        if self.runs is None:
            return
        runs = tuple(self.runs)
        joined = "".join(run.text for run in runs)
        # Runs given alone are the common case for drafted sentences; derive the text from them.
        text = joined if self.text == "" else self.text
        if text != joined:
            raise ValueError("段落文字与各片段（runs）拼接后的文字不一致，请只传入其一或使两者一致。")
        object.__setattr__(self, "runs", runs)
        object.__setattr__(self, "text", text)

    @classmethod
    def of(cls, *parts: str | Run) -> Paragraph:
        """Build from strings and runs: ``Paragraph.of("共接收", Run("3218", "disputes.received"), "件")``."""
        runs = tuple(part if isinstance(part, Run) else Run(part) for part in parts if part)
        return cls("", runs)

    def spans(self) -> tuple[Run, ...]:
        """The runs, or the whole text as one plain run."""
        if self.runs is not None:
            return self.runs
        return (Run(self.text),) if self.text else ()


Block = Heading | Paragraph


@dataclass(frozen=True)
class ReportDocument:
    title: str  # "\n" marks a chosen line break in a long title
    issuer: str
    signed: date | None
    blocks: tuple[Block, ...]

    def __post_init__(self) -> None:
        blocks = tuple(self.blocks)
        for block in blocks:
            if not isinstance(block, Heading | Paragraph):
                raise TypeError(
                    f"报告内容只能是标题（Heading）或段落（Paragraph），收到 {type(block).__name__}。"
                )
        object.__setattr__(self, "blocks", blocks)

    @property
    def title_lines(self) -> list[str]:
        return [line.strip() for line in self.title.splitlines() if line.strip()]

    @property
    def signed_text(self) -> str:
        return cn_date(self.signed) if self.signed else ""  # 成文日期 (GB/T 9704-2012)

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]


def chinese_numeral(number: int) -> str:
    """1..99 in Chinese numerals as headings count: 一, 十, 十一, 二十, 九十九."""
    if not 1 <= number <= MAX_ENUMERATION:
        raise ValueError(f"序号应在 1 至 {MAX_ENUMERATION} 之间，收到 {number!r}。")
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return prefix + "十" + (_DIGITS[units] if units else "")


def enumerate_number(level: int, index: int) -> str:
    """The heading number of GB/T 9704-2012's four levels: 一、 / （一） / 1. / （1）."""
    if level not in HEADING_LEVELS:
        raise ValueError(f"标题层级应为 1 至 4，收到 {level!r}。")
    if not 1 <= index <= MAX_ENUMERATION:
        raise ValueError(f"序号应在 1 至 {MAX_ENUMERATION} 之间，收到 {index!r}。")
    if level == 1:
        return f"{chinese_numeral(index)}、"
    if level == 2:
        return f"（{chinese_numeral(index)}）"
    if level == 3:
        return f"{index}."
    return f"（{index}）"


def numbered_headings(items: Sequence[tuple[int, str]]) -> list[Heading]:
    """Number (level, text) pairs in order; a higher-level heading restarts the counts below it."""
    counters = dict.fromkeys(HEADING_LEVELS, 0)
    headings = []
    for level, text in items:
        if level not in HEADING_LEVELS:
            raise ValueError(f"标题层级应为 1 至 4，收到 {level!r}。")
        counters[level] += 1
        for deeper in HEADING_LEVELS:
            if deeper > level:
                counters[deeper] = 0
        headings.append(Heading(level, enumerate_number(level, counters[level]), text))
    return headings
