"""The phrase a figure counts: "调解成功" in "…,调解成功3212件", "接收矛盾纠纷" in "共接收矛盾纠纷3218件"."""

from __future__ import annotations

import re

DELIMITERS = frozenset(",，。；;：:!！?？\n()（）[]【】《》 ")
MAX_BACK = 40
MAX_SUBJECT = 24
MAX_FORWARD = 12
SHORT_VERB_PHRASE = 6

TOTAL_WORD = re.compile(r"(?:共计|累计|合计|总计|总共|(?<![公中总一])共(?![同享建治赢识商性产青]))")
LEADING_TIME = re.compile(
    r"^(?:截至|截止|自|从)?(?:(?:今|本|全)年(?:以来|度)?|[0-9]{4}年度?(?:以来|全年|底|初|上半年|下半年)?"
    r"|[0-9]{1,2}月份?(?:[0-9]{1,2}日)?(?:以来|前|底)?|年内|年度|全年|目前|至今|以来|当年)+"
)
LEADING_ACTOR = re.compile(r"^(?:(?:我|本)(?:街道|镇|乡|区|县|市|单位)|全街道|街道(?=$|[0-9]))")
# Where the noun after a count ends and what is said of it begins: in "163名工作人员参加学法考试，
# 达标率100%" the 163 count 工作人员; the exam and its rate are the next figure's business.
OBJECT_STOP = re.compile(r"参加|参与|网上|线上|线下|通过|学法|考试|均|全部")
LEADING_FILLER = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|并且|另外|以及|并|且|另|还|和|及|已|均|都)+"
)
CONJUNCTION_END = ("和", "及", "与", "、", "以及")
TRAILING_FILLER = re.compile(r"(?:达到|高达|达|约为|为|共计|累计|合计|总计|总数为|增至|已|均)+$")
QUOTES = "“”\"'‘’「」『』"
VERB_ENDINGS = (
    "开展", "举办", "召开", "组织", "发放", "发布", "新增", "注销", "收到", "办理", "完成", "上线", "走访",
    "吸引", "推荐", "解决", "收集", "提供", "发出", "形成", "派发", "处置", "化解", "审议", "成立", "新招",
    "参与", "设立", "建成", "制作", "投入", "协助", "督促", "处理", "出具", "接待", "受理", "培育", "对", "在",
)  # fmt: skip


def subject_before(text: str, position: int, floor: int) -> str:
    """The clause before ``position`` (not reaching back past ``floor``), stripped of time and filler words."""
    limit = max(floor, position - MAX_BACK, 0)
    parts: list[str] = []
    start = end = position
    while start > limit:
        char = text[start - 1]
        if char in ")）":
            # "受理量(包含社区)2643件": the remark in brackets is not the subject; skip over it.
            opening = max(text.rfind("(", limit, start - 1), text.rfind("（", limit, start - 1))
            if opening == -1:
                break
            parts.append(text[start:end])
            start = end = opening
            continue
        if char in DELIMITERS:
            break
        start -= 1
    parts.append(text[start:end])
    clause = "".join(reversed(parts))
    if start == floor and floor > 0 and clause.endswith(CONJUNCTION_END):
        return ""  # "新增17个居委会联系点和16个工业园区联系点": the noun follows the second figure
    return clean_subject(clause)


def clean_subject(clause: str) -> str:
    """Keep the words after the last 共/累计 …, unless nothing follows ("参演人数共计5152人")."""
    segments = [segment for segment in TOTAL_WORD.split(clause)]
    cleaned = [_strip_fillers(segment) for segment in segments]
    return next((segment for segment in reversed(cleaned) if segment), "")


def _strip_fillers(clause: str) -> str:
    previous = None
    while clause != previous:
        previous = clause
        clause = LEADING_FILLER.sub("", clause)
        clause = LEADING_TIME.sub("", clause)
        clause = LEADING_ACTOR.sub("", clause)
        clause = TRAILING_FILLER.sub("", clause)
        clause = clause.strip(QUOTES + " 、")
    if clause.count("“") != clause.count("”"):
        clause = clause.replace("“", "").replace("”", "")
    return clause[-MAX_SUBJECT:]


def needs_object(subject: str) -> bool:
    """A bare verb ("注销", "开展") counts nothing by itself: the noun after the figure completes it."""
    return len(subject) <= 1 or subject.endswith(VERB_ENDINGS)


def with_object(subject: str, text: str, position: int) -> str:
    """The verb phrase and the noun after the figure: "协助完成" + "上级审计项目"; a long clause
    keeps only its final verb ("组织社区、调解组织……调解员开展" + "培训" → "开展培训")."""
    if len(subject) > SHORT_VERB_PHRASE:
        subject = next((verb for verb in VERB_ENDINGS if subject.endswith(verb)), subject)
    return clean_subject(subject + object_after(text, position))


def object_after(text: str, position: int) -> str:
    end = position
    limit = min(len(text), position + MAX_FORWARD)
    while end < limit and text[end] not in DELIMITERS and text[end] not in "、和及0123456789":
        if end > position and OBJECT_STOP.match(text, end):
            break
        end += 1
    return text[position:end].lstrip("的").strip(QUOTES)
