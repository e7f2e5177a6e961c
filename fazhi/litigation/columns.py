"""The office's Excel layout of the case ledger (one spec for template, import and export)."""

from fazhi.ledger.excel import Column, Sheet, due_column

from .models import CaseKind, CaseStage, LitigationOutcome, OwnRole

TITLE = "行政复议与诉讼案件台账"

CASE_SHEET = Sheet(
    TITLE,
    (
        Column("序号", "seq", kind="int", width=6),
        Column("编号", "number", width=24, help="导出时填写；导入时忽略，由系统重新编号"),
        Column("案件类别", "kind", kind="choice", required=True, choices=CaseKind.choices),
        Column("审级", "stage", kind="choice", choices=CaseStage.choices, help="不填为一审/复议"),
        Column("责任单位", "org", required=True, width=24, help="单位代码或全称"),
        Column("法院或复议机关", "court", required=True, width=24, max_length=100),
        Column("案号", "external_number", width=24, max_length=80),
        Column("本单位诉讼地位", "own_role", kind="choice", choices=OwnRole.choices, help="不填为被告/被申请人"),
        Column("案由", "cause", max_length=100),
        Column("争议事项", "disputed_act", required=True, width=36),
        Column("对方当事人", "party", required=True, max_length=100),
        Column("当事人身份证号", "party_id", kind="id_number", width=22),
        Column("当事人电话", "party_phone", kind="phone"),
        Column("收到副本日期", "copy_received_on", kind="date", required=True, width=12,
               help="收到起诉状副本或复议申请书副本之日，答辩（答复）期限由此计算"),
        due_column("答辩（答复）期限"),
        Column("答辩（答复）日期", "replied_on", kind="date", width=12),
        Column("开庭日期", "held_on", kind="date", width=12),
        Column("负责人出庭", "head_appeared", kind="bool"),
        Column("出庭人员", "appeared_by", max_length=200),
        Column("结案结果", "outcome", kind="choice", choices=LitigationOutcome.choices),
        Column("结案日期", "concluded_on", kind="date", width=12),
    ),
)  # fmt: skip
