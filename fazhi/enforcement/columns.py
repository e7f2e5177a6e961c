"""The office's Excel layouts of the enforcement ledger (one spec each for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import (
    STATES,
    ActionKind,
    ExecutionMethod,
    Field,
    ObjectKind,
    PartyKind,
    PenaltyKind,
    Procedure,
    Source,
    SpecialActionKind,
)

CASE_SHEET = Sheet(
    "行政执法案件台账",
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
        Column("立案日期", "filed_on", kind="date", required=True, width=12),
        Column("程序", "procedure", kind="choice", required=True, choices=Procedure.choices),
        Column("案件来源", "source", kind="choice", required=True, choices=Source.choices),
        Column("执法领域", "field", kind="choice", required=True, choices=Field.choices),
        Column("检查对象", "object_kind", kind="choice", choices=ObjectKind.choices),
        Column("专项行动", "special_action", max_length=100, help="须为承办单位已登记的专项行动名称"),
        Column("承办单位", "org", required=True, width=24, help="单位代码或全称"),
        Column(
            "承办执法人员",
            "officers",
            required=True,
            width=20,
            help="两名以上，用顿号分隔，须为本单位持有效执法证的人员",
        ),
        Column("当事人", "party", required=True, max_length=100),
        Column("当事人类别", "party_kind", kind="choice", choices=PartyKind.choices, help="不填为自然人"),
        Column("涉企", "enterprise", kind="bool"),
        Column("当事人身份证号", "party_id", kind="id_number", width=22),
        Column("当事人电话", "party_phone", kind="phone"),
        Column("案由及违法事实", "summary", required=True, width=40),
        Column("全过程音像记录", "av_record", kind="bool"),
        Column("状态", "status", kind="choice", choices=STATES.choices, help="不填为“已立案”"),
        due_column("当前期限"),
        Column("决定日期", "decision_on", kind="date", width=12),
        Column("处罚种类", "penalty_kind", kind="choice", choices=PenaltyKind.choices),
        Column("罚款金额", "fine_amount", kind="decimal", help="单位：元"),
        Column("没收金额", "confiscated_amount", kind="decimal", help="单位：元"),
        Column("送达日期", "served_on", kind="date", width=12),
        Column("公示日期", "published_on", kind="date", width=12),
        Column("执行方式", "execution_method", kind="choice", choices=ExecutionMethod.choices),
        Column("结案日期", "closed_on", kind="date", width=12),
    ),
)

INSPECTION_SHEET = Sheet(
    "执法检查台账",
    (
        Column("序号", "seq", kind="int", width=6),
        Column("检查日期", "held_on", kind="date", required=True, width=12),
        Column("执法队", "org", required=True, width=24, help="单位代码或全称"),
        Column("行动类型", "action", kind="choice", required=True, choices=ActionKind.choices),
        Column(
            "专项行动名称",
            "special_action",
            max_length=100,
            help="须为本执法队已登记的专项行动名称，如“百日攻坚”",
        ),
        Column("双随机一公开", "random_check", kind="bool"),
        Column("执法领域", "field", kind="choice", required=True, choices=Field.choices),
        Column("检查对象", "object_kind", kind="choice", required=True, choices=ObjectKind.choices),
        Column("检查对象数", "objects_checked", kind="int", required=True, help="如检查车辆5741台填5741"),
        Column("发现隐患", "hazards_found", kind="int", help="单位：条"),
        Column("已整改隐患", "hazards_rectified", kind="int", help="单位：条；不能多于发现隐患"),
        Column(
            "立案",
            "cases_filed",
            kind="int",
            help="由本次检查立案的宗数。导入的检查尚无关联案件，所填数计为台账外立案；"
            "导出时为台账外立案加关联本次检查的本系统案件",
        ),
        Column("联合单位", "joint_units", max_length=300, width=30),
        Column("说明", "note", width=30),
    ),
)

SPECIAL_ACTION_SHEET = Sheet(
    "专项行动",
    (
        Column("序号", "seq", kind="int", width=6),
        Column(
            "行动名称",
            "name",
            required=True,
            max_length=100,
            width=24,
            help="同一执法队内不能重名；每年开展的请注明年份",
        ),
        Column("行动类别", "kind", kind="choice", choices=SpecialActionKind.choices, help="不填为“专项整治”"),
        Column("牵头执法队", "org", required=True, width=24, help="单位代码或全称"),
        Column("开始日期", "starts_on", kind="date", required=True, width=12),
        Column("结束日期", "ends_on", kind="date", width=12, help="不填为尚未结束"),
        Column("联合部门", "joint_departments", max_length=300, width=30),
        Column("目标与说明", "goal", width=40),
    ),
)
