"""Reconsideration and litigation (行政复议与应诉) and the analysis meetings about its cases. (Suggestions
received from courts and procuratorates and the 法治督察提醒函 are oversight items: fazhi/oversight.)

A case's statutory reply/answer date is kept in ``reply_due``; ``due_date`` (the one the overdue board
watches) mirrors it only while the reply is still owed, so a case that answered in time and is waiting
for the court's judgement is never shown as overdue.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.dates import today
from fazhi.deadlines.engine import due_for_rule
from fazhi.ledger.models import Attachment, LedgerRecord, PartyRecord
from fazhi.ledger.states import StatusMachine
from fazhi.orgs.models import Organisation

RECEIVED, ANSWERED, CONCLUDED = "received", "answered", "concluded"

CASE_STATES = StatusMachine(
    labels={RECEIVED: "已收案", ANSWERED: "已答辩（答复）", CONCLUDED: "已结案"},
    transitions={RECEIVED: (ANSWERED, CONCLUDED), ANSWERED: (CONCLUDED,)},
    initial=RECEIVED,
    closed=frozenset({CONCLUDED}),
)


class CaseKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    ADMINISTRATIVE = "administrative", "行政诉讼"
    CIVIL = "civil", "民事诉讼"


# The rule that gives the reply/answer period once the copy of the application or complaint arrives.
REPLY_RULES = {
    CaseKind.RECONSIDERATION: "reconsideration.reply",
    CaseKind.ADMINISTRATIVE: "litigation.admin_answer",
    CaseKind.CIVIL: "litigation.civil_answer",
}


class CaseStage(models.TextChoices):
    FIRST = "first", "一审/复议"
    APPEAL = "appeal", "二审（上诉）"
    RETRIAL = "retrial", "再审"


class OwnRole(models.TextChoices):
    DEFENDANT = "defendant", "被告/被申请人"
    PLAINTIFF = "plaintiff", "原告/申请人"
    THIRD_PARTY = "third_party", "第三人"


def reply_due(kind: str, copy_received_on, own_role: str = OwnRole.DEFENDANT, stage=None):
    """The statutory reply/answer date; None where no rule of the table applies (the office is the
    plaintiff, or an appeal/retrial stage, whose period the rules table does not hold)."""
    if own_role != OwnRole.DEFENDANT or (stage and stage != CaseStage.FIRST) or not copy_received_on:
        return None
    return due_for_rule(REPLY_RULES[kind], copy_received_on).due


class LitigationOutcome(models.TextChoices):
    UPHELD = "upheld", "维持/驳回"
    WITHDRAWN = "withdrawn", "撤诉/撤回"
    MEDIATED = "mediated", "调解"
    CORRECTED = "corrected", "纠错"
    LOST = "lost", "败诉"
    OTHER = "other", "其他"


class LitigationDocumentKind(models.TextChoices):
    COMPLAINT = "complaint", "起诉状副本"
    APPLICATION = "application", "复议申请书副本"
    JUDGEMENT = "judgement", "判决书"
    RULING = "ruling", "裁定书"
    MEDIATION = "mediation", "调解书"
    DECISION = "decision", "复议决定书"
    ASSISTANCE = "assistance", "协助执行通知书"
    LAWYER_LETTER = "lawyer_letter", "律师函"
    OTHER = "other", "其他文书"


# The period to appeal a first-instance court decision, from the day the document was served.
APPEAL_RULES = {
    LitigationDocumentKind.JUDGEMENT: "litigation.appeal_judgment",
    LitigationDocumentKind.RULING: "litigation.appeal_ruling",
}


# The document whose receipt starts the reply period, per kind of case.
COPY_DOCUMENT = {
    CaseKind.RECONSIDERATION: LitigationDocumentKind.APPLICATION,
    CaseKind.ADMINISTRATIVE: LitigationDocumentKind.COMPLAINT,
    CaseKind.CIVIL: LitigationDocumentKind.COMPLAINT,
}


class Case(LedgerRecord):
    NUMBER_KIND = "诉"
    STATES = CASE_STATES
    DEADLINE_RULE = "litigation.admin_answer"  # per kind: see REPLY_RULES

    kind = models.CharField("案件类别", max_length=20, choices=CaseKind.choices)
    stage = models.CharField("审级", max_length=20, choices=CaseStage.choices, default=CaseStage.FIRST)
    previous = models.ForeignKey(
        "self",
        verbose_name="前一审级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    court = models.CharField("法院或复议机关", max_length=100)
    external_number = models.CharField("案号", max_length=80, blank=True)
    own_role = models.CharField(
        "本单位诉讼地位", max_length=20, choices=OwnRole.choices, default=OwnRole.DEFENDANT
    )
    cause = models.CharField("案由", max_length=100, blank=True)
    disputed_act = models.TextField("被诉（被申请）行为或争议事项")
    copy_received_on = models.DateField("收到起诉状（申请书）副本日期", db_index=True)
    reply_due = models.DateField("答辩（答复）期限", null=True, blank=True)
    replied_on = models.DateField("提交答辩状（答复书）日期", null=True, blank=True)
    outcome = models.CharField("结案结果", max_length=20, choices=LitigationOutcome.choices, blank=True)
    concluded_on = models.DateField("结案日期（判决、裁定或决定日期）", null=True, blank=True, db_index=True)
    outcome_note = models.TextField("结果说明", blank=True)

    class Meta:
        verbose_name = "复议诉讼案件"
        verbose_name_plural = "复议诉讼案件"
        ordering = ["-copy_received_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "copy_received_on"]),
            models.Index(fields=["status", "due_date"]),
        ]

    COMPUTED_DATES = ("reply_due", "due_date")

    def get_absolute_url(self) -> str:
        return reverse("litigation:detail", args=[self.pk])

    def refresh_deadlines(self) -> None:
        """The statutory reply date, watched (``due_date``) only while the reply is still owed."""
        self.reply_due = reply_due(self.kind, self.copy_received_on, self.own_role, self.stage)
        self.due_date = self.reply_due if self.status == RECEIVED and not self.replied_on else None

    @property
    def reply_rule(self) -> str:
        return REPLY_RULES[self.kind]

    @property
    def reply_met(self) -> bool | None:
        """True/False once it can be told (replied, or the period ran out); None while still running."""
        if self.reply_due is None:
            return None
        if self.replied_on:
            return self.replied_on <= self.reply_due
        return False if today() > self.reply_due else None


class CasePartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", "原告/申请人"
    DEFENDANT = "defendant", "被告/被申请人"
    THIRD_PARTY = "third_party", "第三人"


class CaseParty(PartyRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(
        "诉讼地位", max_length=20, choices=CasePartyRole.choices, default=CasePartyRole.PLAINTIFF
    )


class CaseDocument(models.Model):
    """A document received in the case (起诉状副本, 判决书 …), with the day it arrived."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("文书类别", max_length=20, choices=LitigationDocumentKind.choices)
    title = models.CharField("文书名称或文号", max_length=200, blank=True)
    received_on = models.DateField("收到日期", db_index=True)
    attachment = models.ForeignKey(
        Attachment, verbose_name="扫描件", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "收到文书"
        verbose_name_plural = "收到文书"
        ordering = ["received_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.received_on}"


class Hearing(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    held_on = models.DateField("开庭（听证）日期", db_index=True)
    head_appeared = models.BooleanField("行政机关负责人出庭", default=False)
    appeared_by = models.CharField("出庭人员", max_length=200, blank=True)
    note = models.TextField("庭审情况", blank=True)

    class Meta:
        verbose_name = "庭审"
        verbose_name_plural = "庭审"
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.held_on} {'负责人出庭' if self.head_appeared else ''}"


class AnalysisMeeting(models.Model):
    """涉诉案件分析会: recorded by a unit, about one or more cases."""

    org = models.ForeignKey(Organisation, verbose_name="召开单位", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("会议日期", db_index=True)
    attendees = models.CharField("参会人员", max_length=300)
    conclusions = models.TextField("会议结论（应诉意见）")
    annual_review = models.BooleanField("年度涉诉案件总结分析会", default=False)
    cases = models.ManyToManyField(Case, verbose_name="分析的案件", blank=True, related_name="meetings")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "涉诉案件分析会"
        verbose_name_plural = "涉诉案件分析会"
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.held_on} 涉诉案件分析会"
