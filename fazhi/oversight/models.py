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
from fazhi.ledger.states import StatusMachine
from fazhi.orgs.models import Organisation

# --- suggestions received ------------------------------------------------------------------------

WAITING, REPLIED = "waiting", "replied"

SUGGESTION_STATES = StatusMachine(
    labels={WAITING: "待回复", REPLIED: "已回复"},
    transitions={WAITING: (REPLIED,)},
    initial=WAITING,
    closed=frozenset({REPLIED}),
)


class SuggestionKind(models.TextChoices):
    JUDICIAL = "judicial", "司法建议书"
    PROCURATORATE = "procuratorate", "检察建议书"


# The reply period of each kind. A 检察建议's letter may only shorten it (the earlier date prevails); a 司法建议's
# letter sets it, the rule's two months applying when the letter names no date (LEGAL-RULES.md §2).
SUGGESTION_RULES = {
    SuggestionKind.PROCURATORATE: "suggestion.procuratorate",
    SuggestionKind.JUDICIAL: "suggestion.judicial",
}
LETTER_PREVAILS = frozenset({SuggestionKind.JUDICIAL})


def suggestion_due(kind: str, received_on):
    rule = SUGGESTION_RULES.get(kind)
    return due_for_rule(rule, received_on).due if rule else None


class Suggestion(LedgerRecord):
    NUMBER_KIND = "建"
    STATES = SUGGESTION_STATES
    DEADLINE_RULE = "suggestion.procuratorate"
    FORMER_LABELS = ("litigation.suggestion",)  # the audit trail's name for it before the move

    kind = models.CharField("建议类别", max_length=20, choices=SuggestionKind.choices)
    issuer = models.CharField("发出机关", max_length=100)
    letter_number = models.CharField("建议书文号", max_length=80, blank=True)
    received_on = models.DateField("收到日期", db_index=True)
    content = models.TextField("建议内容")
    reply_due = models.DateField("回复期限", null=True, blank=True)
    # The date the letter itself asks for (a 司法建议 has only this; a 检察建议's rule date gives way to an
    # earlier one), kept apart so that the rule's date can be recomputed without losing it.
    letter_reply_due = models.DateField("建议书载明的回复期限", null=True, blank=True)
    replied_on = models.DateField("回复日期", null=True, blank=True)
    reply_text = models.TextField("回复（整改）情况", blank=True)

    class Meta:
        verbose_name = "司法建议和检察建议"
        verbose_name_plural = "司法建议和检察建议"
        ordering = ["-received_on", "-pk"]

    COMPUTED_DATES = ("reply_due", "due_date")

    def get_absolute_url(self) -> str:
        return reverse("oversight:detail", args=[self.pk])

    @property
    def reply_basis(self) -> str:
        """Where the reply date comes from, in words: the letter, or the rule with its source."""
        if self.reply_due and self.reply_due == self.letter_reply_due:
            return "按建议书载明的期限"
        rule = get_rule(SUGGESTION_RULES[self.kind])
        return f"{rule.trigger}起{rule.period_text}，{rule.source}"

    def computed_dates(self) -> tuple[str, ...]:
        # Only a date the rule gave: the letter's own date is exact whatever the calendar.
        return self.COMPUTED_DATES if self.reply_due and self.reply_due != self.letter_reply_due else ()

    def refresh_deadlines(self) -> None:
        """The reply date: the letter's where it prevails, else the rule's (a 检察建议's letter may ask sooner)."""
        computed = suggestion_due(self.kind, self.received_on) if self.received_on else None
        letter = self.letter_reply_due
        if letter and (self.kind in LETTER_PREVAILS or computed is None or letter < computed):
            self.reply_due = letter
        else:
            self.reply_due = computed
        self.due_date = self.reply_due

    @property
    def replied_on_time(self) -> bool | None:
        if not self.replied_on:
            return None
        return self.reply_due is None or self.replied_on <= self.reply_due


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
