"""The office's Excel layout of the legal-service activity list (one spec for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet

from .models import Audience, ClientKind, PufaKind, ServiceKind, StudyKind

TITLE = "公共法律服务台账"


def service_sheet() -> Sheet:
    return Sheet(
        TITLE,
        (
            Column("序号", "seq", kind="int", width=6),
            Column(
                "日期", "served_on", kind="date", required=True, width=12, help="按周或按月汇总的，填期末日期"
            ),
            Column("服务类别", "kind", kind="choice", required=True, choices=ServiceKind.choices, width=18),
            Column(
                "数量",
                "count",
                kind="int",
                required=True,
                width=8,
                help="咨询为次，体检为家，讲座为场，文书为份，宣传为篇",
            ),
            Column("驿站或法律顾问室", "org", required=True, width=24, help="单位代码或全称"),
            Column("服务对象", "client_kind", kind="choice", choices=ClientKind.choices),
            Column("律师或法律顾问", "lawyer", max_length=100),
            Column("事项摘要", "summary", width=40, max_length=300),
        ),
    )


def session_sheet() -> Sheet:
    return Sheet(
        "学法培训台账",
        (
            Column("序号", "seq", kind="int", width=6),
            Column("日期", "held_on", kind="date", required=True, width=12),
            Column("类别", "kind", kind="choice", required=True, choices=StudyKind.choices, width=20),
            Column("主题", "title", required=True, width=30, max_length=200),
            Column("学习内容", "topics", width=40, help="多项学习内容用“；”分隔，每项计为一个学习主题"),
            Column("参加对象", "audience", kind="choice", required=True, choices=Audience.choices),
            Column("参加人次", "attendance", kind="int", required=True, width=8),
            Column("主讲人", "speaker", max_length=100),
            Column("主要负责人主持", "hosted_by_head", kind="bool", width=8),
            Column("组织单位", "org", required=True, width=24, help="单位代码或全称"),
        ),
    )


def event_sheet() -> Sheet:
    """A 普法 event a row; materials in one column per unit (份, 只, 本), never added up."""
    return Sheet(
        "普法活动台账",
        (
            Column("序号", "seq", kind="int", width=6),
            Column("日期", "held_on", kind="date", required=True, width=12),
            Column("类别", "kind", kind="choice", required=True, choices=PufaKind.choices, width=20),
            Column("活动名称", "title", required=True, width=30, max_length=200),
            Column(
                "组织单位",
                "org",
                required=True,
                width=24,
                help="单位代码或全称；执法队组织的计入“谁执法谁普法”",
            ),
            Column("地点", "place", max_length=200),
            Column("惠及群众（人）", "people_reached", kind="int"),
            Column("接受法律咨询（人次）", "consultations", kind="int"),
            Column("宣传资料（份）", "fen", kind="int", help="折页、挂图、资料等按份计"),
            Column("宣传袋等（只）", "zhi", kind="int"),
            Column("宣传手册（本）", "ben", kind="int"),
            Column("媒体报道（篇）", "media_reports", kind="int"),
        ),
    )
