"""The office's Excel layouts of the learning lists (one spec each for template, import and export): legal services,
study sessions, 普法 events, community legal advisers and 民主法治示范社区."""

from fazhi.ledger.excel import Column, Sheet

from .models import Audience, ClientKind, HonourLevel, PufaKind, ServiceKind, StudyKind

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


def adviser_sheet() -> Sheet:
    """一社区一法律顾问: a community's lawyer a row, as the 司法所's 社区法律顾问花名册 lists them."""
    return Sheet(
        "社区法律顾问花名册",
        (
            Column("序号", "seq", kind="int", width=6),
            Column(
                "社区",
                "org",
                required=True,
                width=20,
                help="单位代码或全称",
                aliases=("所在社区", "服务社区"),
            ),
            Column(
                "法律顾问", "lawyer", required=True, width=12, max_length=50, aliases=("律师", "律师姓名")
            ),
            Column("律师事务所", "law_firm", required=True, width=24, max_length=100, aliases=("所在律所",)),
            Column("联系电话", "phone", kind="phone", width=16),
            Column("聘期开始", "term_start", kind="date", required=True, width=12),
            Column("聘期结束", "term_end", kind="date", width=12, help="不填为长期"),
            Column("值班安排", "rota", width=24, max_length=200, help="如每周三下午在社区值班"),
            Column("每月值班次数", "duties_per_month", kind="int", width=8),
            Column("备注", "note", width=24),
        ),
    )


def honour_sheet() -> Sheet:
    """民主法治示范村（社区）: a title a row."""
    return Sheet(
        "民主法治示范社区名录",
        (
            Column("序号", "seq", kind="int", width=6),
            Column("社区", "org", required=True, width=20, help="单位代码或全称"),
            Column("级别", "level", kind="choice", required=True, choices=HonourLevel.choices, width=8),
            Column("荣誉称号", "title", required=True, width=30, max_length=200),
            Column("命名日期", "awarded_on", kind="date", required=True, width=12),
            Column("命名机关", "awarded_by", width=24, max_length=200),
            Column("撤销命名日期", "revoked_on", kind="date", width=12, help="仍保有称号的不填"),
            Column("备注", "note", width=24),
        ),
    )
