"""The petitions ledger (信访接访与民意诉求): a petition (信访事项) with its petitioners and the 信访工作条例's
stages, a citizen demand routed from a hotline or platform (12345 / 民意速办, 网民问政 …), and a 居民议事会.

A petition runs through the stages of the 条例, each with its own statutory limit from the rules table
(fazhi/deadlines/rules.py): the written notice whether it is accepted (``petition.acceptance``, or
``petition.acceptance_transferred`` for a matter transferred or assigned to the office, whose objection that it
lies outside the office's remit has its own 5 工作日, ``petition.transfer_objection``), the handling and
its 处理意见书 (``petition.handling``, extendable once by up to the rule's extension), 复查
(``petition.review``) and 复核 (``petition.reexamination``, hearing time not counted). The record keeps each
stage's computed date; ``due_date`` is the one of the stage it is in, which the home board watches.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.dates import today
from fazhi.deadlines.engine import due_for_rule
from fazhi.deadlines.engine import status as deadline_status
from fazhi.deadlines.rules import get_rule
from fazhi.ledger.models import LedgerRecord, PartyRecord, SettingsRow
from fazhi.ledger.states import StatusMachine

RECEIVED, ACCEPTED, NOT_ACCEPTED, ANSWERED = "received", "accepted", "not_accepted", "answered"
REVIEWING, REVIEWED, REEXAMINING, REEXAMINED = "reviewing", "reviewed", "reexamining", "reexamined"

STATES = StatusMachine(
    labels={
        RECEIVED: "待受理",
        ACCEPTED: "办理中",
        NOT_ACCEPTED: "不予受理",
        ANSWERED: "已出具处理意见",
        REVIEWING: "复查中",
        REVIEWED: "已复查",
        REEXAMINING: "复核中",
        REEXAMINED: "已复核",
    },
    transitions={
        RECEIVED: (ACCEPTED, NOT_ACCEPTED),
        ACCEPTED: (ANSWERED,),
        # The petitioner may ask for 复查 after the opinion and for 复核 after the 复查 (条例第三十五、三十六条).
        ANSWERED: (REVIEWING,),
        REVIEWING: (REVIEWED,),
        REVIEWED: (REEXAMINING,),
        REEXAMINING: (REEXAMINED,),
    },
    initial=RECEIVED,
    closed=frozenset({NOT_ACCEPTED, ANSWERED, REVIEWED, REEXAMINED}),
)

ACCEPTANCE_RULE = "petition.acceptance"
TRANSFERRED_ACCEPTANCE_RULE = "petition.acceptance_transferred"
OBJECTION_RULE = "petition.transfer_objection"
HANDLING_RULE = "petition.handling"
REVIEW_RULE = "petition.review"
REEXAMINATION_RULE = "petition.reexamination"


class Form(models.TextChoices):
    VISIT = "visit", "来访"
    LETTER = "letter", "来信"
    ONLINE = "online", "网上信访"
    PHONE = "phone", "电话"


class Decision(models.TextChoices):
    ACCEPT = "accept", "受理"
    REJECT = "reject", "不予受理"
    OBJECT = "object", "不属于本机关职责范围，向转送、交办机关提出异议"


class Result(models.TextChoices):
    SUPPORT = "support", "支持"
    PARTIAL = "partial", "部分支持"
    NOT_SUPPORT = "not_support", "不予支持"


class ReviewResult(models.TextChoices):
    UPHOLD = "uphold", "维持"
    CHANGE = "change", "变更"
    REVOKE = "revoke", "撤销并重新处理"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    MOSTLY = "mostly", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


class PetitionSettings(SettingsRow):
    group_threshold = models.PositiveIntegerField(
        "集体访人数标准",
        default=5,
        validators=[MinValueValidator(2)],
        help_text="同一批次来访人数达到此数即标记为集体访",
    )

    class Meta:
        verbose_name = "信访设置"
        verbose_name_plural = "信访设置"

    def __str__(self):
        return f"集体访：{self.group_threshold}人以上"


def rule_due(code: str, start, **kwargs):
    """The stage's due date from the rules table (the one engine): the Deadline, or None without a start."""
    return due_for_rule(code, start, **kwargs) if start else None


class Petition(LedgerRecord):
    NUMBER_KIND = "访"
    STATES = STATES
    DEADLINE_RULE = ACCEPTANCE_RULE  # the first stage; each stage's own rule is in stage_rules()
    COMPUTED_DATES = (
        "due_date",
        "acceptance_due",
        "objection_due",
        "handling_due",
        "review_due",
        "reexamination_due",
    )

    form = models.CharField("信访形式", max_length=20, choices=Form.choices, default=Form.VISIT)
    received_on = models.DateField("收到日期", db_index=True)
    transferred_from = models.CharField(
        "转送、交办机关", max_length=100, blank=True, help_text="上级或其他机关转送、交办的信访事项填写"
    )
    identity_unclear = models.BooleanField(
        "姓名（名称）、住址不清",
        default=False,
        help_text="信访人姓名（名称）、住址不清，无法书面告知是否受理的，勾选后不计受理告知期限",
    )
    matter = models.TextField("信访事项")
    category = models.CharField("问题类别", max_length=40, blank=True)
    persons = models.PositiveIntegerField("来访人数", default=1, validators=[MinValueValidator(1)])
    is_group = models.BooleanField("集体访", default=False, editable=False)
    leader_reception = models.BooleanField("领导接访日接待", default=False)
    receiving_leader = models.CharField("接访领导", max_length=50, blank=True)

    acceptance_due = models.DateField("受理告知期限", null=True, blank=True)
    objection_due = models.DateField("提出异议期限", null=True, blank=True)
    decision = models.CharField("受理决定", max_length=20, choices=Decision.choices, blank=True)
    decided_on = models.DateField("告知日期", null=True, blank=True)
    decision_note = models.TextField("告知内容或不予受理理由", blank=True)

    handling_due = models.DateField("办理期限", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长日数", default=0)
    extension_reason = models.TextField("延期理由", blank=True)
    extension_approved_by = models.CharField("批准延期的负责人", max_length=50, blank=True)
    extension_told_on = models.DateField("告知信访人延期理由日期", null=True, blank=True)

    opinion_on = models.DateField("出具处理意见书日期", null=True, blank=True)
    opinion_result = models.CharField("处理意见", max_length=20, choices=Result.choices, blank=True)
    opinion_text = models.TextField("处理意见书要点", blank=True)

    review_requested_on = models.DateField("收到复查请求日期", null=True, blank=True)
    review_due = models.DateField("复查期限", null=True, blank=True)
    reviewed_on = models.DateField("复查意见日期", null=True, blank=True)
    review_result = models.CharField("复查意见", max_length=20, choices=ReviewResult.choices, blank=True)
    review_text = models.TextField("复查意见要点", blank=True)

    reexamination_requested_on = models.DateField("收到复核请求日期", null=True, blank=True)
    hearing_from = models.DateField("听证开始日期", null=True, blank=True)
    hearing_to = models.DateField("听证结束日期", null=True, blank=True)
    reexamination_due = models.DateField("复核期限", null=True, blank=True)
    reexamined_on = models.DateField("复核意见日期", null=True, blank=True)
    reexamination_result = models.CharField(
        "复核意见", max_length=20, choices=ReviewResult.choices, blank=True
    )
    reexamination_text = models.TextField("复核意见要点", blank=True)

    satisfaction = models.CharField("评价", max_length=20, choices=Satisfaction.choices, blank=True)
    evaluated_on = models.DateField("评价日期", null=True, blank=True)

    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name="转入的矛盾纠纷",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )

    class Meta:
        verbose_name = "信访事项"
        verbose_name_plural = "信访事项"
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "received_on"]),
            models.Index(fields=["status", "due_date"]),
        ]

    def get_absolute_url(self) -> str:
        return reverse("petitions:detail", args=[self.pk])

    @property
    def transferred(self) -> bool:
        return bool(self.transferred_from.strip())

    @property
    def notice_excepted(self) -> bool:
        """No written acceptance notice is due: a matter brought directly whose petitioner's name or address is
        unclear (第二十三条第二款's exception; the third paragraph, on transferred matters, has none)."""
        return self.identity_unclear and not self.transferred

    @property
    def notice_exception(self) -> str:
        """The exception in words for the record page, "" where the notice is due."""
        if not self.notice_excepted:
            return ""
        rule = get_rule(ACCEPTANCE_RULE)
        return f"{rule.note}，不书面告知是否受理，不计受理告知期限（{rule.source}）"

    @property
    def acceptance_rule(self) -> str:
        return TRANSFERRED_ACCEPTANCE_RULE if self.transferred else ACCEPTANCE_RULE

    def hearing_pauses(self) -> list:
        if self.hearing_from and self.hearing_to:
            return [(self.hearing_from, self.hearing_to, "听证")]
        return []

    def stage_deadlines(self, due=rule_due) -> dict:
        """Each started stage's Deadline from the rules table (with its explanation and warning date).
        ``due``: how to ask the engine (a batch passes a memoised one)."""
        accepted = self.decision == Decision.ACCEPT
        return {
            "acceptance_due": due(self.acceptance_rule, self.received_on)
            if not self.notice_excepted
            else None,
            "objection_due": due(OBJECTION_RULE, self.received_on) if self.transferred else None,
            "handling_due": due(HANDLING_RULE, self.decided_on, extension=self.extension_days or None)
            if accepted
            else None,
            "review_due": due(REVIEW_RULE, self.review_requested_on),
            "reexamination_due": due(
                REEXAMINATION_RULE,
                self.reexamination_requested_on,
                paused_periods=tuple(self.hearing_pauses()),
            ),
        }

    STAGE_OF_STATUS = {
        RECEIVED: "acceptance_due",
        ACCEPTED: "handling_due",
        REVIEWING: "review_due",
        REEXAMINING: "reexamination_due",
    }

    def refresh_deadlines(self, due=rule_due) -> None:
        for name, deadline in self.stage_deadlines(due).items():
            setattr(self, name, deadline.due if deadline else None)
        stage = self.STAGE_OF_STATUS.get(self.status or STATES.initial)
        if stage:  # a closed record keeps the date of the stage it closed in
            self.due_date = getattr(self, stage)

    STAGE_RULES = {
        "handling_due": HANDLING_RULE,
        "review_due": REVIEW_RULE,
        "reexamination_due": REEXAMINATION_RULE,
    }

    @classmethod
    def board_q(cls, day, soon_until) -> Q:
        """Also a transferred matter whose 5 工作日 objection period ends within the board's window: the
        office must decide by then whether the matter lies outside its remit. A period already run out is
        not listed (no objection was needed; the acceptance notice is then the limit watched)."""
        objection = Q(status=RECEIVED, objection_due__gte=day, objection_due__lte=soon_until)
        return super().board_q(day, soon_until) | objection

    @property
    def objection_open(self) -> bool:
        """A transferred matter not yet decided whose objection period has not run out."""
        return bool(self.status == RECEIVED and self.objection_due and self.objection_due >= today())

    @property
    def due_basis(self) -> str:
        """The current stage's limit and article: "信访事项是否受理书面告知（《信访工作条例》第二十三条第二款）",
        and, while a transferred matter may still be objected to, the objection's own date."""
        stage = self.STAGE_OF_STATUS.get(self.status)
        if stage is None:
            return ""
        rule = get_rule(self.STAGE_RULES.get(stage, self.acceptance_rule))
        basis = f"{rule.name}（{rule.source}）"
        if stage == "acceptance_due" and self.objection_open:
            objection = get_rule(OBJECTION_RULE)
            basis += (
                f"；不属于本机关职责范围的，应于{self.due_label('objection_due')}前提出异议"
                f"（{objection.period_text}，{objection.source}）"
            )
        return basis

    def stages(self) -> list[dict]:
        """The stages for the record page: the rule (name, article, period), start, due date, when done.
        A transferred matter shows its objection period while it is undecided, and (as the stage it closed
        in) once objected to; the acceptance notice is then not shown, no notice having been due."""
        deadlines = self.stage_deadlines()
        objected = self.decision == Decision.OBJECT
        rows = [
            (self.acceptance_rule, "受理告知", self.received_on, "acceptance_due", self.decided_on)
            if not objected
            else None,
            (
                OBJECTION_RULE,
                "提出异议",
                self.received_on,
                "objection_due",
                self.decided_on if objected else None,
            )
            if self.transferred and (objected or self.status == RECEIVED)
            else None,
            (HANDLING_RULE, "办理并出具处理意见书", self.decided_on, "handling_due", self.opinion_on),
            (REVIEW_RULE, "复查", self.review_requested_on, "review_due", self.reviewed_on),
            (
                REEXAMINATION_RULE,
                "复核",
                self.reexamination_requested_on,
                "reexamination_due",
                self.reexamined_on,
            ),
        ]
        current = self.STAGE_OF_STATUS.get(self.status)
        stages = []
        for code, title, start, field, done in filter(None, rows):
            deadline = deadlines[field]
            if deadline is None:
                continue
            due = getattr(self, field) or deadline.due
            stages.append(
                {
                    "title": title,
                    "rule": get_rule(code),
                    "start": start,
                    "field": field,
                    "due": due,
                    "deadline": deadline,
                    "done": done,
                    "current": current == field,
                    # the objection period runs beside the acceptance notice: watched, but not "the" due date
                    "watch": deadline_status(due, today()) if field == "objection_due" and not done else "",
                    "late": bool(done and done > deadline.due),
                }
            )
        return stages


class PetitionerRole(models.TextChoices):
    PETITIONER = "petitioner", "信访人"
    REPRESENTATIVE = "representative", "代表人"


class Petitioner(PartyRecord):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(
        "身份", max_length=20, choices=PetitionerRole.choices, default=PetitionerRole.PETITIONER
    )
    address = models.CharField("住址", max_length=200, blank=True)

    class Meta(PartyRecord.Meta):
        verbose_name = "信访人"
        verbose_name_plural = "信访人"


# --- citizen demands (民意诉求) -------------------------------------------------------------------

PENDING, HANDLED = "pending", "handled"

DEMAND_STATES = StatusMachine(
    labels={PENDING: "待办理", HANDLED: "已办结"},
    transitions={PENDING: (HANDLED,)},
    initial=PENDING,
    closed=frozenset({HANDLED}),
)


class Channel(models.TextChoices):
    HOTLINE = "hotline", "12345/民意速办"
    ONLINE_QUESTION = "online_question", "网民问政"
    WEB_MESSAGE = "web_message", "网站留言"
    DEPUTY = "deputy", "代表直通车"
    GOVERNANCE = "governance", "基层治理平台"
    OTHER = "other", "其他"


DEMAND_SATISFACTION = {"satisfied": "满意", "unsatisfied": "不满意"}


class CitizenDemand(LedgerRecord):
    """One demand routed to the office; the due date is the platform's own 办理时限, typed or imported."""

    NUMBER_KIND = "民"
    STATES = DEMAND_STATES
    COMPUTED_DATES = ()  # the platform sets the date; nothing here is computed from the rules table

    channel = models.CharField("来源渠道", max_length=20, choices=Channel.choices)
    external_number = models.CharField(
        "平台工单编号", max_length=60, blank=True, help_text="同一渠道的同一工单编号只登记一次"
    )
    received_on = models.DateField("受理日期", db_index=True)
    category = models.CharField("诉求类别", max_length=40, blank=True)
    content = models.TextField("诉求内容")
    handled_on = models.DateField("办结日期", null=True, blank=True, db_index=True)
    reply = models.TextField("办理情况", blank=True)
    resolved = models.BooleanField("已解决", default=False)
    satisfied = models.BooleanField("满意", null=True, blank=True)

    class Meta:
        verbose_name = "民意诉求"
        verbose_name_plural = "民意诉求"
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["org", "received_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_number"],
                condition=~models.Q(external_number=""),
                name="petitions_demand_once_per_ticket",
                violation_error_message="该渠道的这个工单编号已经登记过。",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("petitions:demands:detail", args=[self.pk])

    @property
    def due_basis(self) -> str:
        return f"{self.get_channel_display()}平台办理时限" if self.due_date else ""

    def refresh_deadlines(self) -> None:
        """Nothing to compute: the platform's 办理时限 is kept as given."""


# --- 居民议事会 ----------------------------------------------------------------------------------

HELD = "held"
COUNCIL_STATES = StatusMachine(
    labels={HELD: "已召开"}, transitions={}, initial=HELD, closed=frozenset({HELD})
)


class ResidentCouncil(LedgerRecord):
    """A 居民议事会 meeting of a community: the topics residents raised and those settled."""

    NUMBER_KIND = "议"
    STATES = COUNCIL_STATES
    COMPUTED_DATES = ()

    held_on = models.DateField("召开日期", db_index=True)
    topics_raised = models.PositiveIntegerField("提出议题（条）", default=1)
    topics_resolved = models.PositiveIntegerField("解决议题（条）", default=0)
    topics = models.TextField("议题")
    participants = models.PositiveIntegerField("参加人数", default=0)

    class Meta:
        verbose_name = "居民议事会"
        verbose_name_plural = "居民议事会"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topics_resolved__lte=models.F("topics_raised")),
                name="petitions_council_resolved_not_above_raised",
                violation_error_message="解决的议题数不能多于提出的议题数。",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("petitions:councils:detail", args=[self.pk])

    def refresh_deadlines(self) -> None:
        """A meeting has no time limit."""
