"""The enforcement lists, declared once (``fazhi.ledger.filters``): cases, the 执法证 roster and the
inspection batches — their filters (the same meaning on the page, in the API and in the Excel export; the
API's parameters and the page's form come from here) and their columns."""

from django.db.models import F, Q, QuerySet

from fazhi.dates import today
from fazhi.ledger.filters import (
    Choice,
    Contact,
    DateRange,
    Deadline,
    Flag,
    LedgerFilterSet,
    ListColumn,
    Ref,
    Search,
    Unit,
)

from .models import (
    STATES,
    ActionKind,
    Certificate,
    CertificateStatus,
    EnforcementCase,
    Field,
    InspectionBatch,
    Procedure,
    Source,
    SpecialAction,
    SpecialActionKind,
    with_cases_filed,
)

# 专项行动 of the units the person sees (the select never names another 街道's actions).
BY_SPECIAL_ACTION = Ref("special_action", "专项行动", "special_action", SpecialAction, scoped=True)

CASE_FILTERS = LedgerFilterSet(
    Choice("status", "状态", STATES.choices),
    Unit("org", "单位"),
    Choice("procedure", "程序", Procedure.choices),
    Choice("field", "领域", Field.choices),
    Choice("source", "来源", Source.choices),
    BY_SPECIAL_ACTION,
    DateRange("filed_on", "立案日期", "filed_from", "filed_to"),
    Deadline(STATES.closed),
    Flag("enterprise", "涉企", Q(enterprise=True)),
    Flag("late", "逾期公示", Q(published_on__gt=F("publicity_due"))),
    Search("编号、案由、当事人姓名", ("number", "summary", "parties__name")),
    Contact(),
    columns=(
        ListColumn("编号", "number"),
        ListColumn("立案日期", "filed_on"),
        ListColumn("程序", "procedure"),
        ListColumn("领域", "field"),
        ListColumn("当事人"),
        ListColumn("状态", "status"),
        ListColumn("期限", "due_date"),
    ),
)


def _expiring(queryset: QuerySet) -> QuerySet:
    """Valid cards in the warning period or past their expiry, as the home board watches them today."""
    day = today()
    return queryset.filter(Certificate.open_q(), Certificate.board_q(day, day))


CERTIFICATE_FILTERS = LedgerFilterSet(
    Unit("org", "单位"),
    Choice("status", "证件状态", CertificateStatus.choices),
    Flag("expiring", "即将到期或已过期", _expiring),
    Search("姓名或证号", ("number", "officer__name")),
    columns=(
        ListColumn("执法证号", "number"),
        ListColumn("姓名", "officer__name", key="name"),
        ListColumn("人员状态"),
        ListColumn("发证机关", "issuer"),
        ListColumn("发证日期", "issued_on"),
        ListColumn("证件状态", "status"),
        ListColumn("有效期至", "expires_on"),
    ),
)

INSPECTION_FILTERS = LedgerFilterSet(
    Unit("org", "单位"),
    Choice("action", "行动类型", ActionKind.choices),
    BY_SPECIAL_ACTION,
    DateRange("held_on", "检查日期", "held_from", "held_to"),
    Flag("random", "双随机一公开", Q(random_check=True)),
    Search("专项行动名称、联合单位", ("special_action__name", "joint_units")),
    columns=(
        ListColumn("检查日期", "held_on"),
        ListColumn("执法队", "org__path", key="org"),
        ListColumn("行动", "action"),
        ListColumn("检查对象", "objects_checked"),
        ListColumn("发现隐患", "hazards_found"),
        ListColumn("已整改", "hazards_rectified"),
        ListColumn("立案", "cases_filed"),
        ListColumn("联合单位"),
    ),
)


SPECIAL_ACTION_FILTERS = LedgerFilterSet(
    Unit("org", "单位"),
    Choice("kind", "行动类别", SpecialActionKind.choices),
    DateRange("starts_on", "开始日期", "starts_from", "starts_to"),
    Search("行动名称、联合部门", ("name", "joint_departments")),
    columns=(
        ListColumn("行动名称", "name"),
        ListColumn("类别", "kind"),
        ListColumn("开始日期", "starts_on"),
        ListColumn("结束日期", "ends_on"),
        ListColumn("牵头执法队", "org__path", key="org"),
        ListColumn("联合部门"),
    ),
)


def base_queryset(user, *, write: bool = False) -> QuerySet:
    return EnforcementCase.objects.visible_to(user, write=write).select_related("org", "special_action")


def inspection_queryset(user, *, write: bool = False) -> QuerySet:
    """Each row with its 立案 (``cases_filed``, the one rule of models.cases_filed_expression)."""
    return with_cases_filed(
        InspectionBatch.objects.visible_to(user, write=write).select_related("org", "special_action")
    )


def special_action_queryset(user, *, write: bool = False) -> QuerySet:
    return SpecialAction.objects.visible_to(user, write=write).select_related("org")


def certificate_queryset(user, *, write: bool = False) -> QuerySet:
    return Certificate.objects.visible_to(user, write=write).select_related("org", "officer")
