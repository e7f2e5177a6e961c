"""The legality review ledger (合法性审查): an item a unit submits, its review rounds and the opinion.

The record's ``org`` is the unit currently holding the item: the submitting unit while it is 已提交
or 退回修改, the reviewing unit (法律顾问室, 司法所 …) while it is reviewed and after the opinion —
the review file stays with the review organ. ``submitted_by`` never changes, and its people keep
reading the item (never writing it) while it is with the reviewers, so they see the opinion.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.deadlines.engine import due_date, due_for_rule
from fazhi.deadlines.rules import get_rule
from fazhi.ledger.models import LedgerRecord, SettingsRow
from fazhi.ledger.states import StatusMachine
from fazhi.orgs.models import Organisation

SUBMITTED, REVIEWING, RETURNED = "submitted", "reviewing", "returned"
CONCLUDED, WITHDRAWN = "concluded", "withdrawn"

STATES = StatusMachine(
    labels={
        SUBMITTED: "已提交",
        REVIEWING: "审查中",
        RETURNED: "退回修改",
        CONCLUDED: "已出具意见",
        WITHDRAWN: "已撤回",
    },
    transitions={
        SUBMITTED: (REVIEWING, WITHDRAWN),
        # Re-assigning to another reviewer (审查中 → 审查中) is allowed while the review runs.
        REVIEWING: (REVIEWING, CONCLUDED, RETURNED, WITHDRAWN),
        RETURNED: (REVIEWING, WITHDRAWN),
    },
    initial=SUBMITTED,
    closed=frozenset({CONCLUDED, WITHDRAWN}),
)


class ReviewKind(models.TextChoices):
    CONTRACT = "contract", "合同"
    NORMATIVE = "normative", "行政规范性文件"
    MAJOR_DECISION = "major_decision", "重大行政决策"
    TOPIC = "topic", "党工委会议议题"
    PLAN = "plan", "方案/制度"
    OTHER = "other", "其他"


class ReviewOpinion(models.TextChoices):
    LAWFUL = "lawful", "合法"
    LAWFUL_IF_REVISED = "lawful_if_revised", "修改后合法"
    UNLAWFUL = "unlawful", "不合法"


# Statutory review periods by kind (LEGAL-RULES.md). Contracts, topics, plans and other items have
# none: their due date stays empty rather than carrying an invented number of days.
DEADLINE_RULES = {ReviewKind.NORMATIVE: "review.normative_document"}
# Rules that set a minimum review time: the opinion should not be given before the date they yield.
MINIMUM_RULES = {ReviewKind.MAJOR_DECISION: "review.major_decision"}


def round_dates(kind: str, submitted_on):
    """(due date, earliest date for the opinion) of a round submitted on ``submitted_on``.

    A 规范性文件 is due at the rule's longest period and should not be answered before its shortest;
    a 重大行政决策 has only a minimum review time, so no due date; other kinds have no statutory limit.
    """
    due = earliest = None
    if code := DEADLINE_RULES.get(kind):
        rule = get_rule(code)
        due = due_for_rule(code, submitted_on).due
        if rule.min_length:
            earliest = due_date(submitted_on, rule.min_length, rule.unit).due
    if code := MINIMUM_RULES.get(kind):
        earliest = due_for_rule(code, submitted_on).due
    return due, earliest


REVIEWER_UNIT_KINDS = ("legal_adviser", "justice_office", "legal_station", "office")


class LegalSettings(SettingsRow):
    """The settings the administrator may change."""

    filing_threshold = models.DecimalField(
        "合同备案金额标准（元）",
        max_digits=16,
        decimal_places=2,
        default=Decimal("1000000"),
        validators=[MinValueValidator(0)],
        help_text="合同金额达到此数须备案",
    )

    class Meta:
        verbose_name = "合法性审查设置"
        verbose_name_plural = "合法性审查设置"

    def __str__(self):
        return f"合同备案标准：{self.filing_threshold}元以上"


class ReviewItem(LedgerRecord):
    NUMBER_KIND = "审"
    READ_ALSO_BY = ("submitted_by",)
    STATES = STATES
    DEADLINE_RULE = "review.normative_document"  # the only statutory limit; other kinds have no due date

    kind = models.CharField("审查事项类别", max_length=20, choices=ReviewKind.choices)
    title = models.CharField("事项名称", max_length=200)
    summary = models.TextField("主要内容", blank=True)
    submitted_by = models.ForeignKey(
        Organisation, verbose_name="送审单位", on_delete=models.PROTECT, related_name="+"
    )
    contact = models.CharField("送审联系人", max_length=60, blank=True)
    submitted_on = models.DateField("送审日期", db_index=True)
    counterparty = models.CharField("合同相对方", max_length=200, blank=True)
    amount = models.DecimalField(
        "合同金额（元）",
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    requires_filing = models.BooleanField("须备案", default=False, editable=False)
    filed_on = models.DateField("备案日期", null=True, blank=True, db_index=True)
    filing_note = models.CharField("备案情况", max_length=200, blank=True)

    reviewer_org = models.ForeignKey(
        Organisation,
        verbose_name="审查单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审查人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Units that reviewed jointly (联合开展合法性审查), e.g. a 公共法律服务驿站: the station's part is counted
    # from here (legal.reviewed_by_station), never entered again in its own ledger.
    co_reviewers = models.ManyToManyField(
        Organisation, verbose_name="联合审查单位", blank=True, related_name="+"
    )
    concluded_on = models.DateField("出具意见日期", null=True, blank=True, db_index=True)
    opinion = models.CharField("审查意见", max_length=20, choices=ReviewOpinion.choices, blank=True)
    close_reason = models.TextField("撤回原因", blank=True)

    class Meta:
        verbose_name = "合法性审查事项"
        verbose_name_plural = "合法性审查事项"
        ordering = ["-submitted_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "submitted_on"]),
            models.Index(fields=["kind", "concluded_on"]),
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["org", "status"]),  # the paginated count of a unit's list by status
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="legal_amount_not_negative",
                violation_error_message="合同金额不能为负数。",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("legal:detail", args=[self.pk])

    def filing_problem(self) -> str:
        """Why the item cannot be filed (合同备案), "" if it can: the service's refusal and the page's button."""
        if self.kind != ReviewKind.CONTRACT or not self.requires_filing:
            return "只有金额达到备案标准的合同需要备案。"
        if self.status != CONCLUDED or self.opinion == ReviewOpinion.UNLAWFUL:
            return "合同经审查出具合法或修改后合法的意见后才能备案。"
        return ""

    @property
    def current_round(self) -> "ReviewRound | None":
        return self.rounds.order_by("-seq").first()

    def refresh_deadlines(self) -> None:
        """The open round's dates again (saved here: the round is a child row); the item's due date is its."""
        current = self.current_round
        if current is None or current.opinion_on:
            return
        current.due_date, current.earliest_opinion_on = round_dates(self.kind, current.submitted_on)
        current.save(update_fields=["due_date", "earliest_opinion_on"])
        self.due_date = current.due_date


class ReviewRound(models.Model):
    """One submission and its review: the first, and one more each time the unit resubmits."""

    # The earliest day an opinion may be given is computed ahead, like a deadline (fazhi.ledger.services).
    DATES_AHEAD = {"earliest_opinion_on": 5}

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="rounds")
    seq = models.PositiveSmallIntegerField("轮次")
    submitted_on = models.DateField("送审日期")
    materials = models.TextField("送审材料及修改说明", blank=True)
    due_date = models.DateField("审查期限", null=True, blank=True)
    earliest_opinion_on = models.DateField("最早出具意见日期", null=True, blank=True)
    reviewer_org = models.ForeignKey(
        Organisation,
        verbose_name="审查单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审查人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opinion = models.CharField("审查意见", max_length=20, choices=ReviewOpinion.choices, blank=True)
    opinion_text = models.TextField("意见内容", blank=True)
    opinion_on = models.DateField("出具意见日期", null=True, blank=True, db_index=True)
    letter_issued = models.BooleanField("出具法律意见书", default=False)
    returned = models.BooleanField("退回修改", default=False)
    too_short = models.BooleanField("审查时间少于规定", default=False)
    working_days = models.PositiveSmallIntegerField("审查用时（工作日）", null=True, blank=True)

    class Meta:
        verbose_name = "审查轮次"
        verbose_name_plural = "审查轮次"
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["item", "seq"], name="legal_unique_round")]

    def __str__(self):
        return f"第{self.seq}轮"

    @property
    def is_late(self) -> bool:
        return bool(self.due_date and self.opinion_on and self.opinion_on > self.due_date)
