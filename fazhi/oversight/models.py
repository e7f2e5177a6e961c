"""Oversight items (监督事项): things an outside body puts to the office, and the office's own reminders.

Today two record types, moved here unchanged from the litigation app: suggestions received from courts
and procuratorates (司法建议书, 检察建议书) and the 法治督察提醒函 the office issues to its departments. The
oversight-items issue grows this app into one record type for 人大建议, 政协提案, 检察建议, 司法建议, 督办 and
审计整改, whose reply is due and whose rectification is followed up.

Their rows, content types and attachments moved with them (migrations/0001_initial.py); their audit
entries written before the move name them "litigation.suggestion" / "litigation.reminder", which
``FORMER_LABELS`` declares so that the history and the integrity check still find them.
"""

from django.db import models
from django.urls import reverse

from fazhi.deadlines.engine import due_for_rule
from fazhi.deadlines.rules import get_rule
from fazhi.ledger.models import LedgerRecord
from fazhi.ledger.personal import EncryptedTextField
from fazhi.ledger.states import StatusMachine
from fazhi.orgs.models import Organisation

# --- oversight items received (one record type for every kind) -----------------------------------

# The course of an item: received (its 交办 date counts), units assigned and 面商 held while it waits, the
# reply drafted, approved and sent; then the body's satisfaction (a 不满意 opens a second round, back to
# waiting) and the item closed once its rectification measures are done or explained. A 检察建议 or 司法建议
# may still be replied to straight from waiting, as before.
WAITING, DRAFTED, APPROVED, REPLIED, CLOSED = "waiting", "drafted", "approved", "replied", "closed"

SUGGESTION_STATES = StatusMachine(
    labels={
        WAITING: "待回复",
        DRAFTED: "答复已起草",
        APPROVED: "答复已审核",
        REPLIED: "已回复",
        CLOSED: "已办结",
    },
    transitions={
        WAITING: (DRAFTED, REPLIED),
        DRAFTED: (APPROVED, DRAFTED),
        APPROVED: (REPLIED, DRAFTED),
        REPLIED: (WAITING, CLOSED),
    },
    initial=WAITING,
    # the reply date is watched until the reply is sent; measures have their own dates
    closed=frozenset({REPLIED, CLOSED}),
)


class SuggestionKind(models.TextChoices):
    JUDICIAL = "judicial", "司法建议书"
    PROCURATORATE = "procuratorate", "检察建议书"
    NPC = "npc", "人大代表建议"
    CPPCC = "cppcc", "政协提案"
    SUPERVISION = "supervision", "上级督办督查"
    AUDIT = "audit", "审计整改"
    INSPECTION = "inspection", "法治督察反馈"


class Level(models.TextChoices):
    CITY = "city", "市级"
    DISTRICT = "district", "区级"


class Role(models.TextChoices):
    """The office's part in a deputy's suggestion or a proposal, as the 交办 names it."""

    LEAD = "lead", "主办"
    HANDLE = "handle", "承办"
    SPLIT = "split", "分办"
    ASSIST = "assist", "协办"


class SupervisionKind(models.TextChoices):
    KEY_TASK = "key_task", "区两重"
    PLEDGE = "pledge", "街道军令状"
    OTHER = "other", "其他督查督办"


class AuditKind(models.TextChoices):
    TRANSITION = "transition", "换届经责审计"
    TENURE = "tenure", "任期经责审计"
    ASSIST = "assist", "协助上级审计"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASIC = "basic", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


# The reply period of each kind (LEGAL-RULES.md §2). A 检察建议's letter may only shorten it (the earlier date
# prevails); for the other kinds the letter's date is the one (a 司法建议 without one: the rule's two months).
SUGGESTION_RULES = {
    SuggestionKind.PROCURATORATE: "suggestion.procuratorate",
    SuggestionKind.JUDICIAL: "suggestion.judicial",
    SuggestionKind.NPC: "suggestion.npc",
    SuggestionKind.CPPCC: "suggestion.cppcc",
}
# 涉及面广、处理难度大: a deputy's suggestion has six months (its own rule), a proposal three months more.
COMPLEX_RULES = {
    SuggestionKind.NPC: ("suggestion.npc_complex", None),
    SuggestionKind.CPPCC: ("suggestion.cppcc", 3),
}
# A 公益诉讼 诉前检察建议 has its own rule: two months, or 15 日 in the urgent case (损害继续扩大).
PUBLIC_INTEREST_RULES = {False: "suggestion.public_interest", True: "suggestion.public_interest_urgent"}
LETTER_PREVAILS = frozenset(
    {SuggestionKind.JUDICIAL, SuggestionKind.SUPERVISION, SuggestionKind.AUDIT, SuggestionKind.INSPECTION}
)
PROPOSALS = frozenset({SuggestionKind.NPC, SuggestionKind.CPPCC})
LETTERS = frozenset(
    {SuggestionKind.JUDICIAL, SuggestionKind.PROCURATORATE}
)  # what the suggestions ledger held

# The fields of each kind beyond the common ones: shown for it on the forms, required where listed, and
# blank for every other kind (services.check_kind_fields).
KIND_FIELDS = {
    SuggestionKind.NPC: ("level", "role", "proposer", "proposer_phone", "complex_case"),
    SuggestionKind.CPPCC: ("level", "role", "proposer", "proposer_phone", "complex_case"),
    SuggestionKind.PROCURATORATE: ("public_interest", "urgent"),
    SuggestionKind.SUPERVISION: ("supervision_kind",),
    SuggestionKind.AUDIT: ("audit_kind", "audited_entity", "findings_count", "recommendations_count"),
}
KIND_REQUIRED = {
    SuggestionKind.NPC: ("level", "role", "proposer"),
    SuggestionKind.CPPCC: ("level", "role", "proposer"),
    SuggestionKind.SUPERVISION: ("supervision_kind",),
    SuggestionKind.AUDIT: ("audit_kind", "audited_entity"),
}
KIND_SPECIFIC = tuple(dict.fromkeys(name for names in KIND_FIELDS.values() for name in names))


def suggestion_rule(
    kind: str, *, complex_case: bool = False, public_interest: bool = False, urgent: bool = False
) -> tuple[str | None, int | None]:
    """The rules-table code of the item's reply period and the extension granted (None: no rule)."""
    if kind == SuggestionKind.PROCURATORATE and public_interest:
        return PUBLIC_INTEREST_RULES[bool(urgent)], None
    rule, extension = COMPLEX_RULES.get(kind, (None, None)) if complex_case else (None, None)
    return rule or SUGGESTION_RULES.get(kind), extension


def suggestion_due(kind: str, received_on, **flags):
    rule, extension = suggestion_rule(kind, **flags)
    return due_for_rule(rule, received_on, extension=extension).due if rule else None


class Suggestion(LedgerRecord):
    """One oversight item received: 人大代表建议, 政协提案, 检察建议, 司法建议, 督办, 审计 project or 督察反馈 — one
    record type, its kind deciding which further fields apply (KIND_FIELDS) and how its reply is due.
    (The class keeps the name it had as the suggestions ledger: its table, API and audit labels.)"""

    NUMBER_KIND = "建"
    STATES = SUGGESTION_STATES
    DEADLINE_RULE = "suggestion.procuratorate"
    FORMER_LABELS = ("litigation.suggestion",)  # the audit trail's name for it before the move
    # The units it is assigned to (牵头 and 协办) read it — its page, list, API, attachments and history —
    # and never write it: the owner unit replies, co-handlers report their part to it (the one scoping rule).
    READ_ALSO_BY = ("handlers__unit",)

    kind = models.CharField("类别", max_length=20, choices=SuggestionKind.choices)
    issuer = models.CharField("发出（交办）机关", max_length=100)
    letter_number = models.CharField("文号", max_length=80, blank=True)
    received_on = models.DateField("收到（交办）日期", db_index=True)
    content = models.TextField("建议内容")
    reply_due = models.DateField("回复期限", null=True, blank=True)
    # The date the letter itself asks for (a 司法建议 has only this; a 检察建议's rule date gives way to an
    # earlier one), kept apart so that the rule's date can be recomputed without losing it.
    letter_reply_due = models.DateField("建议书载明的回复期限", null=True, blank=True)
    replied_on = models.DateField("回复日期", null=True, blank=True)
    reply_text = models.TextField("回复（整改）情况", blank=True)

    # 人大代表建议 and 政协提案
    level = models.CharField("级别", max_length=10, choices=Level.choices, blank=True)
    role = models.CharField("办理类型", max_length=10, choices=Role.choices, blank=True)
    proposer = models.CharField("代表（委员）", max_length=100, blank=True)
    proposer_phone = EncryptedTextField("代表（委员）联系电话", kind="phone", blank=True)
    complex_case = models.BooleanField("涉及面广、处理难度大", default=False)
    # 检察建议
    public_interest = models.BooleanField("公益诉讼诉前检察建议", default=False)
    urgent = models.BooleanField(
        "紧急情形（损害继续扩大）",
        default=False,
        help_text="公益诉讼诉前检察建议载明紧急情形的，十五日内书面回复",
    )
    # 督查督办
    supervision_kind = models.CharField(
        "督办类别", max_length=10, choices=SupervisionKind.choices, blank=True
    )
    # 审计
    audit_kind = models.CharField("审计类别", max_length=12, choices=AuditKind.choices, blank=True)
    audited_entity = models.CharField("被审计单位", max_length=100, blank=True)
    findings_count = models.PositiveIntegerField("发现问题（项）", null=True, blank=True)
    recommendations_count = models.PositiveIntegerField("审计建议（条）", null=True, blank=True)

    # the reply's course and the body's view of it
    drafted_on = models.DateField("起草日期", null=True, blank=True)
    approved_on = models.DateField("审核日期", null=True, blank=True)
    approved_by = models.CharField("审核人", max_length=50, blank=True)
    satisfaction = models.CharField("满意度", max_length=12, choices=Satisfaction.choices, blank=True)
    satisfaction_on = models.DateField("满意度反馈日期", null=True, blank=True)
    round = models.PositiveSmallIntegerField("办理轮次", default=1)
    earlier_rounds = models.TextField("前轮办理情况", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)

    class Meta:
        verbose_name = "监督事项"
        verbose_name_plural = "监督事项"
        ordering = ["-received_on", "-pk"]

    COMPUTED_DATES = ("reply_due", "due_date")

    def get_absolute_url(self) -> str:
        return reverse("oversight:detail", args=[self.pk])

    @property
    def kind_fields(self) -> tuple[str, ...]:
        return KIND_FIELDS.get(self.kind, ())

    @property
    def reply_basis(self) -> str:
        """Where the reply date comes from, in words: the letter, or the rule with its source."""
        if self.reply_due and self.reply_due == self.letter_reply_due:
            return "按来文载明的期限"
        code, extension = suggestion_rule(self.kind, **self.rule_flags)
        if code is None:
            return "来文未载明期限"
        rule = get_rule(code)
        extended = f"，延长{rule.extension.length}个月" if extension else ""
        return f"{rule.trigger}起{rule.period_text}{extended}，{rule.source}"

    @property
    def rule_flags(self) -> dict:
        """What besides the kind chooses the reply rule (suggestion_rule)."""
        return {
            "complex_case": self.complex_case,
            "public_interest": self.public_interest,
            "urgent": self.urgent,
        }

    def computed_dates(self) -> tuple[str, ...]:
        # Only a date the rule gave: the letter's own date is exact whatever the calendar.
        return self.COMPUTED_DATES if self.reply_due and self.reply_due != self.letter_reply_due else ()

    def refresh_deadlines(self) -> None:
        """The reply date: the letter's where it prevails, else the rule's (a 检察建议's letter may ask sooner)."""
        computed = (
            suggestion_due(self.kind, self.received_on, **self.rule_flags) if self.received_on else None
        )
        letter = self.letter_reply_due
        # a second round's date is the one agreed when the body was not satisfied
        prevails = self.kind in LETTER_PREVAILS or self.round > 1
        if letter and (prevails or computed is None or letter < computed):
            self.reply_due = letter
        else:
            self.reply_due = computed
        self.due_date = self.reply_due

    @property
    def replied_on_time(self) -> bool | None:
        if not self.replied_on:
            return None
        return self.reply_due is None or self.replied_on <= self.reply_due

    @property
    def open_measures(self):
        return [m for m in self.measures.all() if m.status == MeasureStatus.PENDING]


class HandlingUnit(models.Model):
    """A unit the item is assigned to: the lead (牵头) or a co-handling unit, with its part and the day."""

    item = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="handlers")
    unit = models.ForeignKey(
        Organisation, verbose_name="承办单位", on_delete=models.PROTECT, related_name="+"
    )
    lead = models.BooleanField("牵头单位", default=False)
    part = models.CharField("承办内容", max_length=300)
    assigned_on = models.DateField("分办日期")

    class Meta:
        verbose_name = "承办单位"
        verbose_name_plural = "承办单位"
        ordering = ["-lead", "assigned_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["item", "unit"], name="oversight_handler_once")]

    def __str__(self):
        return f"{self.unit}（{'牵头' if self.lead else '协办'}）"


class ContactMode(models.TextChoices):
    MEETING = "meeting", "面商"
    PHONE = "phone", "电话沟通"
    WRITTEN = "written", "书面沟通"


class Contact(models.Model):
    """A 面商 or other contact with the deputy, member or body while handling the item."""

    item = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="contacts")
    on = models.DateField("沟通日期")
    mode = models.CharField("方式", max_length=10, choices=ContactMode.choices)
    note = models.CharField("沟通情况", max_length=500)

    class Meta:
        verbose_name = "沟通记录"
        verbose_name_plural = "沟通记录"
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.get_mode_display()}：{self.note}"


class MeasureStatus(models.TextChoices):
    PENDING = "pending", "整改中"
    DONE = "done", "已完成"
    EXPLAINED = "explained", "已说明（不能整改）"


class Measure(models.Model):
    """A rectification measure: the problem (an audit finding, a point of the letter), who does what by when."""

    DATES_AHEAD = {"due_on": 5}  # a measure may be planned years ahead

    item = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="measures")
    problem = models.CharField("问题", max_length=300)
    action = models.CharField("整改措施", max_length=500)
    owner = models.CharField("责任人（单位）", max_length=100)
    due_on = models.DateField("整改期限")
    status = models.CharField("整改状态", max_length=10, choices=MeasureStatus.choices, default="pending")
    done_on = models.DateField("完成日期", null=True, blank=True)
    note = models.CharField("完成情况或说明", max_length=500, blank=True)

    class Meta:
        verbose_name = "整改措施"
        verbose_name_plural = "整改措施"
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"{self.problem}：{self.action}"


# --- reminders issued ----------------------------------------------------------------------------

ISSUED, FOLLOWED = "issued", "followed"

REMINDER_STATES = StatusMachine(
    labels={ISSUED: "已发出，待反馈", FOLLOWED: "已反馈"},
    transitions={ISSUED: (FOLLOWED,)},
    initial=ISSUED,
    closed=frozenset({FOLLOWED}),
)


class Reminder(LedgerRecord):
    """法治督察提醒函 issued by the office (``org``) to one of its departments."""

    NUMBER_KIND = "督"
    STATES = REMINDER_STATES
    READ_ALSO_BY = ("to_unit",)  # the department reminded reads its letter (the office records its answer)
    DEADLINE_RULE = ""  # the follow-up date is set in the letter, entered by hand
    COMPUTED_DATES = ()
    FORMER_LABELS = ("litigation.reminder",)  # the audit trail's name for it before the move

    def refresh_deadlines(self) -> None:
        pass  # nothing computed

    to_unit = models.ForeignKey(
        Organisation, verbose_name="被提醒单位", on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField("发出日期", db_index=True)
    matter = models.TextField("提醒事项")
    followed_on = models.DateField("反馈日期", null=True, blank=True)
    follow_up = models.TextField("整改反馈情况", blank=True)

    class Meta:
        verbose_name = "法治督察提醒函"
        verbose_name_plural = "法治督察提醒函"
        ordering = ["-issued_on", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("oversight:reminder", args=[self.pk])
