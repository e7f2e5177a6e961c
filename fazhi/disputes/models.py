"""The dispute mediation ledger (矛盾纠纷多元化解): a dispute, its parties, dispatches and sessions."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.deadlines.engine import due_for_rule
from fazhi.ledger.models import LedgerRecord, PartyRecord, SettingsRow
from fazhi.ledger.states import StatusMachine
from fazhi.orgs.models import Organisation

RECEIVED, DISPATCHED, MEDIATING = "received", "dispatched", "mediating"
SUCCESS, FAILED, WITHDRAWN = "success", "failed", "withdrawn"

STATES = StatusMachine(
    labels={
        RECEIVED: "已受理",
        DISPATCHED: "已分派",
        MEDIATING: "调解中",
        SUCCESS: "调解成功",
        FAILED: "调解不成",
        WITHDRAWN: "已撤回",
    },
    transitions={
        # Re-dispatch (分派 → 分派, 调解中 → 分派) is allowed while the dispute is open.
        RECEIVED: (DISPATCHED, MEDIATING, WITHDRAWN),
        DISPATCHED: (DISPATCHED, MEDIATING, WITHDRAWN),
        MEDIATING: (DISPATCHED, SUCCESS, FAILED, WITHDRAWN),
    },
    initial=RECEIVED,
    closed=frozenset({SUCCESS, FAILED, WITHDRAWN}),
)


class Channel(models.TextChoices):
    VISIT = "visit", "来访"
    PHONE = "phone", "来电"
    GRID = "grid", "网格上报"
    HOTLINE = "hotline", "12345/民意速办"
    COURT = "court", "法院委派/诉前调解"
    POLICE = "police", "警源/110"
    SYSTEM = "system", "其他系统"


class Referral(models.TextChoices):
    LITIGATION = "litigation", "引导诉讼"
    ARBITRATION = "arbitration", "引导仲裁"
    ADMINISTRATIVE = "administrative", "行政处理"
    PETITION = "petition", "信访"


class ConfirmationResult(models.TextChoices):
    PENDING = "pending", "审查中"
    CONFIRMED = "confirmed", "裁定确认有效"
    REJECTED = "rejected", "裁定驳回申请"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    MOSTLY = "mostly", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


class DisputeType(models.Model):
    """The administrator-editable list of dispute types (劳资, 邻里 …)."""

    name = models.CharField("名称", max_length=40, unique=True)
    order = models.PositiveSmallIntegerField("排序", default=100)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "纠纷类型"
        verbose_name_plural = "纠纷类型"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class DisputeSettings(SettingsRow):
    """The settings the administrator may change."""

    group_threshold = models.PositiveIntegerField(
        "群体性纠纷人数标准",
        default=30,
        validators=[MinValueValidator(2)],
        help_text="涉及人数达到此数即标记为群体性纠纷",
    )

    class Meta:
        verbose_name = "纠纷调解设置"
        verbose_name_plural = "纠纷调解设置"

    def __str__(self):
        return f"群体性纠纷：{self.group_threshold}人以上"


CONFIRMATION_RULE = "mediation.judicial_confirmation"


def conclude_due(received_on):
    return due_for_rule(Dispute.DEADLINE_RULE, received_on).due


def confirmation_due(agreed_on):
    return due_for_rule(CONFIRMATION_RULE, agreed_on).due


class Dispute(LedgerRecord):
    NUMBER_KIND = "调"
    STATES = STATES
    DEADLINE_RULE = "mediation.conclude"
    COMPUTED_DATES = ("due_date", "confirmation_due")
    # An agreement may be performed in instalments over years (fazhi.ledger.services' date rule).
    DATES_AHEAD = {"performance_due": 10}

    channel = models.CharField("来源渠道", max_length=20, choices=Channel.choices, default=Channel.VISIT)
    external_number = models.CharField("外部案件编号", max_length=60, blank=True)
    received_on = models.DateField("受理日期", db_index=True)
    received_by = models.ForeignKey(
        Organisation, verbose_name="受理单位", on_delete=models.PROTECT, related_name="+"
    )
    dispute_type = models.ForeignKey(DisputeType, verbose_name="纠纷类型", on_delete=models.PROTECT)
    summary = models.TextField("纠纷简况")
    # The mediator responsible (承办人/责任人 in the offices' own sheets): a name, as the sheets write it, not an
    # account (a community's mediators often have none).
    handler = models.CharField(
        "承办人", max_length=50, blank=True, help_text="负责调解的调解员，可填多人，以顿号分隔"
    )
    persons_involved = models.PositiveIntegerField("涉及人数", default=2, validators=[MinValueValidator(1)])
    amount_involved = models.DecimalField(
        "涉及金额（元）",
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    is_group = models.BooleanField("群体性纠纷", default=False, editable=False)
    assisting_units = models.ManyToManyField(
        Organisation, verbose_name="参与化解单位", blank=True, related_name="+"
    )

    concluded_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    agreement_text = models.TextField("协议内容", blank=True)
    amount_agreed = models.DecimalField(
        "协议金额（元）",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_recovered = models.DecimalField(
        "挽回经济损失（元）",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    performance_due = models.DateField("履行期限", null=True, blank=True)
    performance_method = models.CharField("履行方式", max_length=200, blank=True)
    referred_to = models.CharField("引导去向", max_length=20, choices=Referral.choices, blank=True)
    close_reason = models.TextField("调解不成或撤回原因", blank=True)

    confirmation_due = models.DateField("司法确认申请期限", null=True, blank=True)
    confirmation_applied_on = models.DateField("司法确认申请日期", null=True, blank=True)
    confirmation_court = models.CharField("司法确认法院", max_length=100, blank=True)
    confirmation_result = models.CharField(
        "司法确认结果", max_length=20, choices=ConfirmationResult.choices, blank=True
    )
    visited_on = models.DateField("回访日期", null=True, blank=True)
    satisfaction = models.CharField("回访满意度", max_length=20, choices=Satisfaction.choices, blank=True)
    visit_note = models.TextField("回访情况", blank=True)

    class Meta:
        verbose_name = "矛盾纠纷"
        verbose_name_plural = "矛盾纠纷"
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "received_on"]),
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["org", "status"]),  # the paginated count of a unit's list by status
            # A unit's list of one status in date order, page after page (the API's keyset pages walk it
            # from the cursor on, skipping other units' rows, and never sort the whole 街道)
            models.Index(fields=["status", "received_on", "id"], name="disputes_status_received"),
        ]
        # The same rule as the validators, in the database: no path around the services writes a negative sum.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_involved__gte=0)
                & (models.Q(amount_agreed__isnull=True) | models.Q(amount_agreed__gte=0))
                & (models.Q(amount_recovered__isnull=True) | models.Q(amount_recovered__gte=0)),
                name="disputes_amounts_not_negative",
                violation_error_message="金额不能为负数。",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("disputes:detail", args=[self.pk])

    def refresh_deadlines(self) -> None:
        if self.received_on:
            self.due_date = conclude_due(self.received_on)
        if self.confirmation_due and self.concluded_on:  # set once the mediation succeeded
            self.confirmation_due = confirmation_due(self.concluded_on)


class PartyKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "单位"


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    RESPONDENT = "respondent", "被申请人"


class Party(PartyRecord):
    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(
        "当事人地位", max_length=20, choices=PartyRole.choices, default=PartyRole.APPLICANT
    )
    kind = models.CharField("类别", max_length=20, choices=PartyKind.choices, default=PartyKind.PERSON)
    address = models.CharField("住所或单位地址", max_length=200, blank=True)


class Dispatch(models.Model):
    """One 分拨/委派 of a dispute to a unit; the latest one names the dispute's current unit."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="dispatches")
    from_org = models.ForeignKey(
        Organisation, verbose_name="分派单位", on_delete=models.PROTECT, related_name="+"
    )
    to_org = models.ForeignKey(
        Organisation, verbose_name="承办单位", on_delete=models.PROTECT, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="分派人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("分派时间")
    note = models.CharField("分派说明", max_length=300, blank=True)
    # 退回: the receiving unit handed the dispute back to the unit that dispatched it.
    returned = models.BooleanField("退回", default=False)

    class Meta:
        verbose_name = "分派记录"
        verbose_name_plural = "分派记录"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_org} → {self.to_org}"


class Session(models.Model):
    """A mediation session (调解过程记录)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField("调解日期")
    place = models.CharField("地点", max_length=100)
    mediators = models.CharField("调解员", max_length=200)
    participants = models.CharField("参加人员", max_length=300, blank=True)
    notes = models.TextField("调解情况")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "调解记录"
        verbose_name_plural = "调解记录"
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.held_on} {self.place}"
