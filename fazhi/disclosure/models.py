"""Disclosure requests (依申请公开, 政府信息公开条例): a request, its applicants, its consultations and
the links to the 复议/诉讼 cases about it.

The reply clock (disclosure.reply, 20 工作日 from the receipt day of 第三十一条) is counted by the deadline
engine from what the record holds: a 补正 restarts it from the day the corrected request came in (第三十条),
a consultation of a third party or another organ stops it (第三十三条第三款), an approved extension adds
up to 20 工作日. ``reply_deadline()`` gives the whole reckoning in words for the detail page.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.dates import cn_date
from fazhi.deadlines.engine import Deadline, due_for_rule
from fazhi.deadlines.rules import get_rule
from fazhi.ledger.models import LedgerRecord, PartyRecord, SettingsRow
from fazhi.ledger.states import StatusMachine
from fazhi.orgs.models import Kind

REPLY_RULE = "disclosure.reply"
CORRECTION_RULE = "disclosure.correction_notice"
CORRECTION_PAUSE = "补正"
CONSULTATION_PAUSE = "征求第三方和其他机关意见"

# The organ answers (a 街道办事处, or a 区) through its 政府信息公开工作机构 (the 党政办): the units that
# hold requests (the ledger's holder_kinds; the forms and the import offer only these).
HOLDER_KINDS = frozenset({Kind.DISTRICT, Kind.STREET, Kind.OFFICE})

RECEIVED, CORRECTION, CONSULTING, REPLIED = "received", "correction", "consulting", "replied"

STATES = StatusMachine(
    labels={
        RECEIVED: "办理中",
        CORRECTION: "待补正",
        CONSULTING: "征求意见中",
        REPLIED: "已答复",
    },
    transitions={
        RECEIVED: (CORRECTION, CONSULTING, REPLIED),
        # 逾期不补正 is itself a reply (其他处理); a corrected request goes back to 办理中
        CORRECTION: (RECEIVED, REPLIED),
        CONSULTING: (RECEIVED, REPLIED),
    },
    initial=RECEIVED,
    closed=frozenset({REPLIED}),
)


class Channel(models.TextChoices):
    """How the request came in; 第三十一条 says which day counts as its receipt."""

    IN_PERSON = "in_person", "当面提交"
    POST = "post", "邮寄（需签收）"
    LETTER = "letter", "平常信函"
    ONLINE = "online", "互联网渠道"
    FAX = "fax", "传真"


# 第三十一条: the day the office received the request, per channel (shown beside the date).
RECEIPT_RULES = {
    Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日（第三十一条第一项）",
    Channel.POST: "邮寄需签收的，以签收之日为收到申请之日（第三十一条第二项）",
    Channel.LETTER: "平常信函等无需签收的，以政府信息公开工作机构与申请人确认之日为收到申请之日（第三十一条第二项）",
    Channel.ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第三项）",
    Channel.FAX: "通过传真提交的，以双方确认之日为收到申请之日（第三十一条第三项）",
}


class ApplicantKind(models.TextChoices):
    """The columns of table 三 of the yearly report (国办公开办函〔2021〕30号)."""

    PERSON = "person", "自然人"
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_INTEREST = "public_interest", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER = "other", "其他"


class Outcome(models.TextChoices):
    """The rows of table 三 (三、本年度办理结果), each a way a request ends."""

    PUBLIC = "public", "予以公开"
    PARTIAL = "partial", "部分公开"
    WITHHELD_SECRET = "withheld_secret", "不予公开：属于国家秘密"
    WITHHELD_FORBIDDEN = "withheld_forbidden", "不予公开：其他法律行政法规禁止公开"
    WITHHELD_SAFETY = "withheld_safety", "不予公开：危及“三安全一稳定”"
    WITHHELD_THIRD_PARTY = "withheld_third_party", "不予公开：保护第三方合法权益"
    WITHHELD_INTERNAL = "withheld_internal", "不予公开：属于三类内部事务信息"
    WITHHELD_PROCESS = "withheld_process", "不予公开：属于四类过程性信息"
    WITHHELD_ENFORCEMENT = "withheld_enforcement", "不予公开：属于行政执法案卷"
    WITHHELD_QUERY = "withheld_query", "不予公开：属于行政查询事项"
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", "无法提供：本机关不掌握相关政府信息"
    UNAVAILABLE_NOT_MADE = "unavailable_not_made", "无法提供：没有现成信息需要另行制作"
    UNAVAILABLE_UNCLEAR = "unavailable_unclear", "无法提供：补正后申请内容仍不明确"
    REFUSED_PETITION = "refused_petition", "不予处理：信访举报投诉类申请"
    REFUSED_REPEAT = "refused_repeat", "不予处理：重复申请"
    REFUSED_PUBLICATION = "refused_publication", "不予处理：要求提供公开出版物"
    REFUSED_EXCESSIVE = "refused_excessive", "不予处理：无正当理由大量反复申请"
    REFUSED_CONFIRM = "refused_confirm", "不予处理：要求行政机关确认或重新出具已获取信息"
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    OTHER_NO_FEE = (
        "other_no_fee",
        "其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    OTHER = "other_misc", "其他处理：其他"


# The groups of table 三's rows: (code prefix, label).
OUTCOME_GROUPS = (
    ("public", "予以公开"),
    ("partial", "部分公开"),
    ("withheld", "不予公开"),
    ("unavailable", "无法提供"),
    ("refused", "不予处理"),
    ("other", "其他处理"),
)


def outcome_group(outcome: str) -> str:
    return outcome.split("_", 1)[0]


# The article each outcome rests on, for the reply letter and the detail page.
OUTCOME_BASIS = {
    "public": "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    "partial": "《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（二）项",
    "withheld_secret": "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
    "withheld_forbidden": "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
    "withheld_safety": "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
    "withheld_third_party": "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项",
    "withheld_internal": "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项",
    "withheld_process": "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
    "withheld_enforcement": "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
    "withheld_query": "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
    "unavailable_not_held": "《中华人民共和国政府信息公开条例》第三十六条第（四）项",
    "unavailable_not_made": "《中华人民共和国政府信息公开条例》第三十八条",
    "unavailable_unclear": "《中华人民共和国政府信息公开条例》第二十九条、第三十条",
    "refused_petition": "《中华人民共和国政府信息公开条例》第三十九条第一款",
    "refused_repeat": "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
    "refused_publication": "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    "refused_excessive": "《中华人民共和国政府信息公开条例》第三十五条",
    "refused_confirm": "《中华人民共和国政府信息公开条例》第三十九条第二款",
    "other_no_correction": "《中华人民共和国政府信息公开条例》第三十条",
    "other_no_fee": "《政府信息公开信息处理费管理办法》第九条",
    "other_misc": "《中华人民共和国政府信息公开条例》",
}


class DisclosureSettings(SettingsRow):
    """The organs a reply names for the applicant's remedies, configured per installation (never typed
    per letter): reconsideration goes to the organ over this office (for a 街道办事处, the district
    people's government, 行政复议法 第二十四条), a suit to the competent court (行政诉讼法 第四十六条)."""

    reconsideration_organ = models.CharField(
        "行政复议机关",
        max_length=100,
        default="杭州市余杭区人民政府",
        help_text="街道办事处的复议机关为区人民政府",
    )
    court = models.CharField("管辖法院", max_length=100, default="杭州市余杭区人民法院")

    class Meta:
        verbose_name = "政府信息公开设置"
        verbose_name_plural = "政府信息公开设置"

    def __str__(self):
        return f"复议机关：{self.reconsideration_organ}；法院：{self.court}"

    def remedy_text(self) -> str:
        return (
            f"如不服本答复，可以自收到本答复之日起六十日内向{self.reconsideration_organ}申请行政复议"
            "（《中华人民共和国行政复议法》第二十条），或者自收到本答复之日起六个月内"
            f"向{self.court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。"
        )


class DisclosureRequest(LedgerRecord):
    NUMBER_KIND = "公"
    STATES = STATES
    DEADLINE_RULE = REPLY_RULE
    COMPUTED_DATES = ("due_date", "correction_notice_due")
    # a deferral under 第三十五条 names a later reply date; the kit's date rule would refuse any future date
    DATES_AHEAD = {"deferred_until": 2}

    channel = models.CharField("申请方式", max_length=20, choices=Channel.choices, default=Channel.IN_PERSON)
    submitted_on = models.DateField("申请提交日期")
    received_on = models.DateField("收到申请日期", db_index=True, help_text="按条例第三十一条确定")
    applicant_kind = models.CharField(
        "申请人类别", max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    content = models.TextField("申请公开的政府信息")
    correction_notice_due = models.DateField("补正告知期限", null=True, blank=True)

    correction_requested_on = models.DateField("告知补正日期", null=True, blank=True)
    correction_points = models.TextField("需要补正的事项", blank=True)
    correction_until = models.DateField("补正期限（告知申请人）", null=True, blank=True)
    correction_received_on = models.DateField("收到补正日期", null=True, blank=True)

    extension_days = models.PositiveSmallIntegerField(
        "延长工作日数", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    extension_approved_by = models.CharField("延期批准人", max_length=50, blank=True)
    extension_approved_on = models.DateField("延期批准日期", null=True, blank=True)
    extension_notified_on = models.DateField("告知申请人延期日期", null=True, blank=True)

    # 第三十五条: requests excessive in number or frequency, reasons reasonable but not answerable in time —
    # the office sets a reasonable later date and tells the applicant; it then replaces the statutory one.
    deferred_until = models.DateField("延迟答复期限（第三十五条）", null=True, blank=True)
    deferral_reason = models.TextField("延迟答复理由", blank=True)
    deferral_notified_on = models.DateField("告知申请人延迟答复日期", null=True, blank=True)

    replied_on = models.DateField("答复日期", null=True, blank=True, db_index=True)
    outcome = models.CharField("办理结果", max_length=30, choices=Outcome.choices, blank=True)
    reply_summary = models.TextField("答复内容", blank=True)

    cases = models.ManyToManyField(
        "litigation.Case", verbose_name="关联复议诉讼案件", blank=True, related_name="disclosure_requests"
    )

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "received_on"]),
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["org", "replied_on"]),
        ]

    def get_absolute_url(self) -> str:
        return reverse("disclosure:detail", args=[self.pk])

    @property
    def receipt_rule(self) -> str:
        return RECEIPT_RULES.get(self.channel, "")

    @property
    def outcome_basis(self) -> str:
        return OUTCOME_BASIS.get(self.outcome, "")

    @property
    def awaiting_correction(self) -> bool:
        return self.status == CORRECTION

    @property
    def late(self) -> bool:
        return bool(self.replied_on and self.due_date and self.replied_on > self.due_date)

    def pauses(self, consultations=None) -> list[tuple]:
        """The reply clock's pauses, as the deadline engine takes them: the 补正 (restarts the clock) and
        each consultation (its days not counted; an unanswered one up to its opinion due date)."""
        found = []
        if self.correction_requested_on and self.correction_received_on:
            found.append((self.correction_requested_on, self.correction_received_on, CORRECTION_PAUSE))
        if consultations is None:
            consultations = list(self.consultations.all()) if self.pk else []
        for c in consultations:
            end = c.answered_on or c.opinion_due
            if end and end > self.received_on:
                found.append((max(c.sent_on, self.received_on), end, CONSULTATION_PAUSE))
        return found

    def reply_deadline(self, consultations=None) -> Deadline | None:
        """The reply period with every pause and the extension; None while a 补正 is awaited (the
        clock then stands still and starts anew when the corrected request comes in)."""
        if not self.received_on or self.awaiting_correction:
            return None
        return due_for_rule(
            REPLY_RULE,
            self.received_on,
            paused_periods=self.pauses(consultations),
            extension=self.extension_days or None,
        )

    def clock_lines(self, consultations=None) -> list[str]:
        """The reply clock in words for the record page: the engine's reckoning, then the provision behind
        each kind of pause it applied (the 补正 and the consultations)."""
        deadline = self.reply_deadline(consultations)
        if deadline is None:
            return []
        reasons = {reason for _, _, reason in self.pauses(consultations)}
        rule = get_rule(REPLY_RULE)
        lines = [*deadline.explanation, *(f"依据：{p.source}。" for p in rule.pauses if p.reason in reasons)]
        if self.deferred_until:
            lines.append(
                f"申请数量、频次明显超过合理范围，理由合理但无法在上述期限内答复的，确定延迟答复的合理期限至"
                f"{cn_date(self.deferred_until)}并告知申请人"
                "（《中华人民共和国政府信息公开条例》第三十五条）。"
            )
        return lines

    def refresh_deadlines(self, consultations=None) -> None:
        if not self.received_on:
            return
        if consultations is None and self.pk:
            # An unanswered consultation pauses the clock up to its opinion due date, itself a computed
            # date: it moves with the calendar too (saved here, since the recompute saves only the record).
            consultations = list(self.consultations.all())
            for c in consultations:
                before = c.opinion_due
                c.refresh_due()
                if c.opinion_due != before:
                    Consultation.objects.filter(pk=c.pk).update(opinion_due=c.opinion_due)
        self.correction_notice_due = due_for_rule(CORRECTION_RULE, self.received_on).due
        deadline = self.reply_deadline(consultations)
        self.due_date = deadline.due if deadline else None
        if deadline and self.deferred_until:
            self.due_date = max(self.deferred_until, deadline.due)


class ApplicantRole(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    AGENT = "agent", "代理人"


class Applicant(PartyRecord):
    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(
        "身份", max_length=20, choices=ApplicantRole.choices, default=ApplicantRole.APPLICANT
    )
    address = models.CharField("通信地址", max_length=200, blank=True)

    class Meta(PartyRecord.Meta):
        verbose_name = "申请人"
        verbose_name_plural = "申请人"


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见（第三十二条）"
    OTHER_ORGAN = "other_organ", "征求其他机关意见（第三十四条）"


CONSULTATION_RULES = {
    ConsultationKind.THIRD_PARTY: "disclosure.third_party",
    ConsultationKind.OTHER_ORGAN: "disclosure.other_organ",
}


class Consultation(models.Model):
    """One consultation letter; while it runs the reply clock stands still (第三十三条第三款)."""

    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField("征求意见类型", max_length=20, choices=ConsultationKind.choices)
    addressee = models.CharField("征求意见对象", max_length=200)
    sent_on = models.DateField("送达征求意见书日期")
    opinion_due = models.DateField("提出意见期限", null=True, blank=True)
    answered_on = models.DateField("收到意见日期", null=True, blank=True)
    opinion = models.TextField("意见", blank=True)

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ["sent_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.addressee}"

    def refresh_due(self) -> None:
        self.opinion_due = due_for_rule(CONSULTATION_RULES[self.kind], self.sent_on).due


# --- 主动公开: the postings log -------------------------------------------------------------------------

PROACTIVE_RULE = "disclosure.proactive"
PENDING, PUBLISHED, REPEALED = "pending", "published", "repealed"

POSTING_STATES = StatusMachine(
    labels={PENDING: "待公开", PUBLISHED: "已公开", REPEALED: "已废止"},
    transitions={PENDING: (PUBLISHED,), PUBLISHED: (REPEALED,)},
    initial=PENDING,
    closed=frozenset({PUBLISHED, REPEALED}),
)


class PostingKind(models.TextChoices):
    """What was published. The first six are the rows of table 二 of the yearly report (条例第二十条第
    （一）（五）（六）（八）项, 国办公开办函〔2021〕30号); the rest are the portal's columns the 法治政府建设
    report quotes (西乡 2023: 工作动态49篇、通知公告27篇、财政审计文件16篇、政策解读3篇)."""

    RULE = "rule", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    LICENCE = "licence", "行政许可决定"
    PENALTY = "penalty", "行政处罚决定"
    COERCION = "coercion", "行政强制决定"
    FEE = "fee", "行政事业性收费"
    NEWS = "news", "工作动态"
    NOTICE = "notice", "通知公告"
    FINANCE = "finance", "财政审计文件"
    INTERPRETATION = "interpretation", "政策解读"
    OTHER = "other", "其他"


DOCUMENT_KINDS = frozenset({PostingKind.RULE, PostingKind.NORMATIVE})  # 制发、废止、现行有效
DECISION_KINDS = frozenset({PostingKind.LICENCE, PostingKind.PENALTY, PostingKind.COERCION})  # 决定数量


class Venue(models.TextChoices):
    """Where it was published (条例第二十三条、第二十四条)."""

    PORTAL = "portal", "政府门户网站"
    NEW_MEDIA = "new_media", "政务新媒体"
    BOARD = "board", "政务公开栏"
    GAZETTE = "gazette", "政府公报"
    OTHER = "other", "其他"


class Posting(LedgerRecord):
    """One piece of government information published under 主动公开: from the day it was formed or
    changed it must be out within 20 工作日 (条例第二十六条, disclosure.proactive); a pending one is on the
    home board. A 规范性文件 may later be repealed (table 二's 本年废止 and 现行有效)."""

    NUMBER_KIND = "主"
    STATES = POSTING_STATES
    DEADLINE_RULE = PROACTIVE_RULE

    kind = models.CharField("公开类别", max_length=20, choices=PostingKind.choices)
    title = models.CharField("信息名称", max_length=200)
    document_number = models.CharField("文号", max_length=100, blank=True)
    venue = models.CharField("公开载体", max_length=20, choices=Venue.choices, default=Venue.PORTAL)
    formed_on = models.DateField(
        "信息形成（变更）日期", db_index=True, help_text="规范性文件为印发日期，许可、处罚、强制为决定日期"
    )
    published_on = models.DateField("公开日期", null=True, blank=True, db_index=True)
    decisions = models.PositiveIntegerField(
        "处理决定数量", default=1, help_text="行政许可、处罚、强制决定：本条公示的决定件数"
    )
    fee_amount = models.DecimalField(
        "收费金额（万元）",
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="行政事业性收费：本条公开的收费金额",
    )
    link = models.CharField("链接或位置", max_length=300, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    repeal_note = models.CharField("废止说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ["-formed_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "kind", "formed_on"]),
            models.Index(fields=["org", "published_on"]),
        ]

    def get_absolute_url(self) -> str:
        return reverse("disclosure:posting", args=[self.pk])

    @property
    def late(self) -> bool:
        return bool(self.published_on and self.due_date and self.published_on > self.due_date)

    def refresh_deadlines(self) -> None:
        if self.formed_on:
            self.due_date = due_for_rule(PROACTIVE_RULE, self.formed_on).due


# --- the yearly report's own text ----------------------------------------------------------------------


class ReportPart(models.TextChoices):
    """The text parts of the 政府信息公开工作年度报告 the office writes itself (一 is drafted from counts)."""

    PROBLEMS = "problems", "五、存在的主要问题及改进情况"
    OTHER = "other", "六、其他需要报告的事项"


class AnnualReportText(models.Model):
    """An office's own text of part 五 or 六 of its yearly report: written on the report's page (the
    drafted text offered first), kept per unit and year, used by the Word and Excel exports. Changed only
    through ``report_text.save_text`` (scoped, audited)."""

    org = models.ForeignKey(
        "orgs.Organisation", verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    part = models.CharField("部分", max_length=20, choices=ReportPart.choices)
    text = models.TextField("内容")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="填写人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("填写时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开年度报告文字部分"
        ordering = ["org__path", "year", "part"]
        constraints = [
            models.UniqueConstraint(fields=["org", "year", "part"], name="unique_disclosure_report_text")
        ]

    def __str__(self):
        return f"{self.org}{self.year}年政府信息公开工作年度报告·{self.get_part_display()}"
