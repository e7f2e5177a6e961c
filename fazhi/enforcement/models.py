"""The enforcement ledger (行政执法): penalty cases and their parties, the officers and their 执法证,
inspection batches and case file reviews.

A case is a ``LedgerRecord``: 立案 → 调查取证 → 告知 → (听证) → 决定 → 送达 → 执行 → 结案, or 不予处罚 /
撤销立案; 法制审核 and 公示 are steps recorded beside the status. Officers and certificates are a roster
(scoped and versioned, no number of the office's and no status machine); a certificate's expiry is its
due date, watched on the home board from a configurable number of days before.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from fazhi.deadlines.engine import due_for_rule
from fazhi.ledger.models import Deadlined, LedgerRecord, OrgScoped, PartyRecord, SettingsRow, Versioned
from fazhi.ledger.states import StatusMachine

# --- the case's status machine --------------------------------------------------------------------

FILED, INVESTIGATING, NOTIFIED, HEARING = "filed", "investigating", "notified", "hearing"
DECIDED, SERVED, EXECUTING, CLOSED = "decided", "served", "executing", "closed"
NO_PENALTY, REVOKED = "no_penalty", "revoked"

STATES = StatusMachine(
    labels={
        FILED: "已立案",
        INVESTIGATING: "调查取证",
        NOTIFIED: "已告知",
        HEARING: "听证",
        DECIDED: "已决定",
        SERVED: "已送达",
        EXECUTING: "执行中",
        CLOSED: "已结案",
        NO_PENALTY: "不予处罚",
        REVOKED: "撤销立案",
    },
    transitions={
        # 简易程序 decides on the spot, straight from 立案 (the service refuses it for 普通程序).
        FILED: (INVESTIGATING, DECIDED, REVOKED),
        INVESTIGATING: (NOTIFIED, DECIDED, NO_PENALTY, REVOKED),
        NOTIFIED: (HEARING, DECIDED, NO_PENALTY),
        HEARING: (DECIDED, NO_PENALTY),
        DECIDED: (SERVED,),
        SERVED: (EXECUTING, CLOSED),
        EXECUTING: (CLOSED,),
    },
    initial=FILED,
    closed=frozenset({CLOSED, NO_PENALTY, REVOKED}),
)

DECISION_RULE = "enforcement.decision"
HEARING_REQUEST_RULE = "enforcement.hearing_request"
HEARING_NOTICE_RULE = "enforcement.hearing_notice"
PUBLICITY_RULE = "enforcement.publicity"  # 行政处罚 and 行政许可: 7 工作日
PUBLICITY_OTHER_RULE = "enforcement.publicity_other"  # other enforcement decisions: 20 工作日
PAYMENT_RULE = "enforcement.fine_payment"

# 行政处罚法 第五十一条: 当场处罚 (简易程序) only for a warning or a fine up to these amounts.
SIMPLE_FINE_LIMITS = {"person": Decimal("200"), "organisation": Decimal("3000")}
SIMPLE_PROCEDURE_ARTICLE = "《中华人民共和国行政处罚法》第五十一条"
TWO_OFFICERS_ARTICLE = "《中华人民共和国行政处罚法》第四十二条"


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", "普通程序"
    SIMPLE = "simple", "简易程序"


class Source(models.TextChoices):
    PATROL = "patrol", "巡查发现"
    COMPLAINT = "complaint", "投诉举报"
    VIDEO = "video", "视频巡查派发"
    TRANSFER = "transfer", "移送"
    OTHER = "other", "其他"


class Field(models.TextChoices):
    CITY_APPEARANCE = "city", "市容环境"
    ILLEGAL_BUILDING = "building", "违法建设"
    DUST = "dust", "扬尘污染"
    WORK_SAFETY = "safety", "安全生产"
    FIRE = "fire", "消防"
    GAS = "gas", "燃气"
    ENVIRONMENT = "environment", "生态环境"
    OTHER = "other", "其他"


class ObjectKind(models.TextChoices):
    ENTERPRISE = "enterprise", "企业"
    SHOP = "shop", "店铺场所"
    VEHICLE = "vehicle", "车辆"
    SITE = "site", "工地"
    PERSON = "person", "个人"
    OTHER = "other", "其他"


class PenaltyKind(models.TextChoices):
    WARNING = "warning", "警告"
    CRITICISM = "criticism", "通报批评"
    FINE = "fine", "罚款"
    CONFISCATION = "confiscation", "没收违法所得、没收非法财物"
    FINE_AND_CONFISCATION = "fine_confiscation", "罚款并没收"
    LICENCE = "licence", "暂扣或吊销许可证件、降低资质等级"
    SUSPENSION = "suspension", "限制开展生产经营活动、责令停产停业、责令关闭"
    OTHER = "other", "其他行政处罚"


# Kinds 简易程序 may give (第五十一条): a warning or a small fine.
SIMPLE_PENALTIES = {PenaltyKind.WARNING, PenaltyKind.FINE}


class ExecutionMethod(models.TextChoices):
    VOLUNTARY = "voluntary", "自觉履行"
    ENFORCED = "enforced", "行政强制执行"
    COURT = "court", "申请人民法院强制执行"


class EnforcementSettings(SettingsRow):
    """What the system administrator may change for the enforcement ledger."""

    certificate_warning_days = models.PositiveIntegerField(
        "执法证到期提醒天数",
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text="执法证到期前多少天起在首页待办中提醒（换证、年审）",
    )

    class Meta:
        verbose_name = "行政执法设置"
        verbose_name_plural = "行政执法设置"

    def __str__(self):
        return f"执法证到期前{self.certificate_warning_days}天提醒"


# --- officers and their certificates (a roster) -----------------------------------------------------


class OfficerStatus(models.TextChoices):
    ON_DUTY = "on_duty", "在岗"
    TRANSFERRED = "transferred", "调离"


class Officer(OrgScoped, Versioned):
    """A person of the enforcement team who may hold a 执法证."""

    name = models.CharField("姓名", max_length=50)
    position = models.CharField("职务", max_length=50, blank=True)
    joined_on = models.DateField("入队日期")
    status = models.CharField(
        "状态", max_length=20, choices=OfficerStatus.choices, default=OfficerStatus.ON_DUTY
    )
    left_on = models.DateField("调离日期", null=True, blank=True)

    class Meta:
        verbose_name = "执法人员"
        verbose_name_plural = "执法人员"
        ordering = ["org", "name", "pk"]

    def __str__(self):
        return self.name

    def valid_certificate(self, day: datetime.date | None = None):
        """The officer's certificate in force on ``day`` (today), or None."""
        from fazhi.dates import today

        day = day or today()
        return (
            self.certificates.filter(status=CertificateStatus.VALID, issued_on__lte=day, expires_on__gte=day)
            .order_by("-expires_on")
            .first()
        )


class OfficerTraining(OrgScoped, Versioned):
    """An officer's training hours of one year (执法人员年度培训学时): one row per officer and year, so that
    each year's figure keeps its own hours."""

    officer = models.ForeignKey(
        Officer, verbose_name="执法人员", on_delete=models.CASCADE, related_name="trainings"
    )
    year = models.PositiveSmallIntegerField("年度", validators=[MinValueValidator(2000)])
    hours = models.DecimalField("培训学时", max_digits=6, decimal_places=1, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = "执法人员年度培训学时"
        verbose_name_plural = "执法人员年度培训学时"
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["officer", "year"], name="enforcement_one_training_row_a_year")
        ]

    def __str__(self):
        return f"{self.officer} {self.year}年 {self.hours}学时"


class CertificateStatus(models.TextChoices):
    VALID = "valid", "有效"
    CANCELLED = "cancelled", "已注销"
    LOST = "lost", "遗失（已公告）"
    RENEWED = "renewed", "已换发"


class Certificate(OrgScoped, Versioned, Deadlined):
    """A 执法证: its number is the one printed on the card (given by the issuing body, not numbered by
    the office); its due date is the expiry printed on the card, watched from the warning period on."""

    COMPUTED_DATES = ()  # the expiry is typed from the card, never computed (rules.py says why)
    # A valid card's printed expiry lies years ahead (the demo's run six); the watched due date is that expiry.
    DATES_AHEAD = {"expires_on": 10, "due_date": 10}

    officer = models.ForeignKey(
        Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField("执法证号", max_length=40, unique=True)
    issuer = models.CharField("发证机关", max_length=100)
    issued_on = models.DateField("发证日期")
    expires_on = models.DateField("有效期至")
    status = models.CharField(
        "证件状态", max_length=20, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    ended_on = models.DateField("注销或遗失日期", null=True, blank=True)
    # The watched date is the card's expiry (Deadlined's field, named as the roster says it).
    due_date = models.DateField("证件到期日", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "执法证"
        verbose_name_plural = "执法证"
        ordering = ["expires_on", "pk"]

    def __str__(self):
        return f"{self.number}（{self.officer}）"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:certificate", args=[self.pk])

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    @property
    def is_closed(self) -> bool:
        return self.status != CertificateStatus.VALID

    @classmethod
    def open_q(cls) -> Q:
        return Q(status=CertificateStatus.VALID)

    @classmethod
    def board_q(cls, day, soon_until) -> Q:
        warn = EnforcementSettings.current().certificate_warning_days
        return Q(due_date__isnull=False, due_date__lte=max(soon_until, day + datetime.timedelta(days=warn)))

    def refresh_deadlines(self) -> None:
        self.due_date = self.expires_on

    def deadline_status(self, today=None) -> str:
        """Expired: overdue; inside the configurable warning period: due soon."""
        from fazhi.dates import today as office_today

        day = today or office_today()
        if self.is_closed or self.due_date is None:
            return "ok"
        if self.due_date < day:
            return "overdue"
        warn = EnforcementSettings.current().certificate_warning_days
        return "due_soon" if self.due_date <= day + datetime.timedelta(days=warn) else "ok"


class EventKind(models.TextChoices):
    ADDED = "added", "新增执法人员"
    TRANSFERRED = "transferred", "调离"
    CANCELLED = "cancelled", "注销执法证"
    LOST = "lost", "遗失公告"
    RENEWED = "renewed", "换发执法证"


class OfficerEvent(models.Model):
    """A dated event of the roster: what the yearly figures count (新增9人, 调离3人, 注销6张, 遗失公告2次)."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="events")
    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField("事项", max_length=20, choices=EventKind.choices)
    on = models.DateField("日期", db_index=True)
    note = models.CharField("说明", max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "人员与证件变动"
        verbose_name_plural = "人员与证件变动"
        ordering = ["on", "pk"]

    def __str__(self):
        return f"{self.on} {self.get_kind_display()} {self.officer}"


# --- cases --------------------------------------------------------------------------------------------


def rule_due(code: str, start):
    return due_for_rule(code, start).due if start else None


class EnforcementCase(LedgerRecord):
    NUMBER_KIND = "执"
    STATES = STATES
    DEADLINE_RULE = DECISION_RULE
    COMPUTED_DATES = (
        "due_date",
        "decision_due",
        "hearing_request_due",
        "hearing_earliest",
        "publicity_due",
        "payment_due",
    )

    filed_on = models.DateField("立案日期", db_index=True)
    procedure = models.CharField("程序", max_length=20, choices=Procedure.choices, default=Procedure.ORDINARY)
    source = models.CharField("案件来源", max_length=20, choices=Source.choices, default=Source.PATROL)
    field = models.CharField("执法领域", max_length=20, choices=Field.choices, default=Field.CITY_APPEARANCE)
    object_kind = models.CharField(
        "检查对象", max_length=20, choices=ObjectKind.choices, default=ObjectKind.SHOP
    )
    special_action = models.ForeignKey(
        "SpecialAction",
        verbose_name="专项行动",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    # The inspection whose hazard the case was opened from: the case names it, the inspection lists its cases.
    inspection = models.ForeignKey(
        "InspectionBatch",
        verbose_name="来源执法检查",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    summary = models.TextField("案由及违法事实")
    officers = models.ManyToManyField(Officer, verbose_name="承办执法人员", related_name="cases")
    party_kind = models.CharField("当事人类型", max_length=20, default="person", editable=False)
    enterprise = models.BooleanField("涉企案件", default=False, editable=False)
    av_record = models.BooleanField("全过程音像记录", default=False, help_text="执法全过程记录完整可用")

    investigated_on = models.DateField("调查取证日期", null=True, blank=True)
    evidence = models.TextField("调查取证情况", blank=True)
    notified_on = models.DateField("告知日期", null=True, blank=True, help_text="行政处罚事先告知书送达之日")
    hearing_right = models.BooleanField("告知听证权利", default=False)
    hearing_requested_on = models.DateField("申请听证日期", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知日期", null=True, blank=True)
    hearing_on = models.DateField("听证日期", null=True, blank=True)
    legal_review_required = models.BooleanField("重大执法决定法制审核", default=False)
    legal_review_on = models.DateField("法制审核日期", null=True, blank=True)
    review_item = models.ForeignKey(
        "legal.ReviewItem",
        verbose_name="合法性审查事项",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_on = models.DateField("决定日期", null=True, blank=True, db_index=True)
    penalty_kind = models.CharField("处罚种类", max_length=30, choices=PenaltyKind.choices, blank=True)
    fine_amount = models.DecimalField(
        "罚款金额（元）",
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    confiscated_amount = models.DecimalField(
        "没收金额（元）",
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    decision_text = models.TextField("决定内容", blank=True)
    served_on = models.DateField("送达日期", null=True, blank=True)
    published_on = models.DateField("公示日期", null=True, blank=True, db_index=True)
    executed_on = models.DateField("执行日期", null=True, blank=True)
    execution_method = models.CharField(
        "执行方式", max_length=20, choices=ExecutionMethod.choices, blank=True
    )
    closed_on = models.DateField("结案日期", null=True, blank=True, db_index=True)
    close_reason = models.TextField("不予处罚或撤销立案理由", blank=True)

    # 全过程记录 step by step: whether the step's audio-video record exists (观澜's 音像记录 shortcomings).
    av_investigation = models.BooleanField("调查取证音像记录", default=False)
    av_notice = models.BooleanField("告知音像记录", default=False)
    av_hearing = models.BooleanField("听证音像记录", default=False)
    av_decision = models.BooleanField("决定音像记录", default=False)
    av_service = models.BooleanField("送达音像记录", default=False)
    av_execution = models.BooleanField("执行音像记录", default=False)

    decision_due = models.DateField("处罚决定期限", null=True, blank=True)
    hearing_request_due = models.DateField("申请听证期限", null=True, blank=True)
    hearing_earliest = models.DateField("最早听证日期", null=True, blank=True)
    publicity_due = models.DateField("公示期限", null=True, blank=True)
    payment_due = models.DateField("缴纳罚款期限", null=True, blank=True)

    class Meta:
        verbose_name = "行政执法案件"
        verbose_name_plural = "行政执法案件"
        ordering = ["-filed_on", "-pk"]
        indexes = [
            models.Index(fields=["org", "filed_on"]),
            models.Index(fields=["status", "due_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fine_amount__gte=0) & models.Q(confiscated_amount__gte=0),
                name="enforcement_amounts_not_negative",
                violation_error_message="金额不能为负数。",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("enforcement:detail", args=[self.pk])

    @property
    def publicity_rule(self) -> str:
        """处罚 decisions are published within 7 工作日, other enforcement decisions (不予处罚) within 20."""
        return PUBLICITY_OTHER_RULE if self.status == NO_PENALTY else PUBLICITY_RULE

    AV_STEPS = (
        ("investigated_on", "av_investigation", "调查取证"),
        ("notified_on", "av_notice", "告知"),
        ("hearing_on", "av_hearing", "听证"),
        ("decision_on", "av_decision", "决定"),
        ("served_on", "av_service", "送达"),
        ("executed_on", "av_execution", "执行"),
    )

    @property
    def av_steps(self) -> list[tuple[str, bool]]:
        """(step, recorded) for each step the case has been through."""
        return [(label, getattr(self, flag)) for day, flag, label in self.AV_STEPS if getattr(self, day)]

    @property
    def published_decision(self) -> bool:
        """A decision to publish: a penalty, or 不予处罚 (an enforcement decision too); not 撤销立案."""
        return bool(self.decision_on) and self.status != REVOKED

    @property
    def is_closed(self) -> bool:
        """Closed by its status; a 不予处罚 decision stays watched until it is published."""
        awaiting = self.status == NO_PENALTY and self.publicity_due and not self.published_on
        return self.status in self.STATES.closed and not awaiting

    @classmethod
    def open_q(cls) -> Q:
        awaiting = Q(status=NO_PENALTY, publicity_due__isnull=False, published_on__isnull=True)
        return Q(status__in=cls.STATES.open) | awaiting

    @property
    def published_late(self) -> bool:
        return bool(self.published_on and self.publicity_due and self.published_on > self.publicity_due)

    def refresh_deadlines(self, due=None) -> None:
        """``due(code, start)``: the rules table (a bulk writer passes a cached lookup)."""
        due = due or rule_due
        self.decision_due = due(DECISION_RULE, self.filed_on)
        self.hearing_request_due = due(HEARING_REQUEST_RULE, self.notified_on) if self.hearing_right else None
        self.hearing_earliest = due(HEARING_NOTICE_RULE, self.hearing_notice_on)
        self.publicity_due = due(self.publicity_rule, self.decision_on) if self.published_decision else None
        has_fine = (self.fine_amount or 0) > 0
        self.payment_due = due(PAYMENT_RULE, self.served_on) if has_fine else None
        # What the office must do next: decide within 90 日, then publish; nothing once published.
        if not self.decision_on:
            self.due_date = self.decision_due
        elif self.publicity_due and not self.published_on:
            self.due_date = self.publicity_due
        else:
            self.due_date = None


class PartyKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "单位"


class PartyRole(models.TextChoices):
    PARTY = "party", "当事人"
    AGENT = "agent", "委托代理人"


class CaseParty(PartyRecord):
    case = models.ForeignKey(EnforcementCase, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField("地位", max_length=20, choices=PartyRole.choices, default=PartyRole.PARTY)
    kind = models.CharField("类别", max_length=20, choices=PartyKind.choices, default=PartyKind.PERSON)
    enterprise = models.BooleanField("企业", default=False, help_text="当事人为企业或个体工商户（涉企）")
    address = models.CharField("住所或经营场所", max_length=200, blank=True)


# --- special actions and inspections ---------------------------------------------------------------------


class SpecialActionKind(models.TextChoices):
    RECTIFICATION = "rectification", "专项整治"
    CAMPAIGN = "campaign", "集中攻坚（如百日攻坚）"
    JOINT = "joint", "联合执法"
    OTHER = "other", "其他"


class SpecialAction(OrgScoped, Versioned):
    """专项行动 (e.g. 百日攻坚): a reference list of the team's actions that cases and inspections name, so
    that one action's inspections and cases are counted together. Its name is unique within the team (an
    Excel sheet names it): an action held every year carries the year in its name (“2024年百日攻坚”)."""

    # A campaign is planned ahead: its end (and a start announced early) may lie after today.
    DATES_AHEAD = {"starts_on": 1, "ends_on": 2}

    name = models.CharField("行动名称", max_length=100)
    kind = models.CharField(
        "行动类别", max_length=20, choices=SpecialActionKind.choices, default=SpecialActionKind.RECTIFICATION
    )
    starts_on = models.DateField("开始日期", db_index=True)
    ends_on = models.DateField("结束日期", null=True, blank=True, help_text="不填为尚未结束")
    joint_departments = models.CharField("联合部门", max_length=300, blank=True)
    goal = models.TextField("目标与说明", blank=True)

    class Meta:
        verbose_name = "专项行动"
        verbose_name_plural = "专项行动"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["org", "name"], name="enforcement_special_action_name_per_team"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="enforcement_special_action_ends_after_start",
                violation_error_message="结束日期不能早于开始日期。",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enforcement:special_action", args=[self.pk])

    def active_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    @property
    def period_text(self) -> str:
        end = f"{self.ends_on:%Y年%-m月%-d日}" if self.ends_on else "今"
        return f"{self.starts_on:%Y年%-m月%-d日}至{end}"


class ActionKind(models.TextChoices):
    ROUTINE = "routine", "日常巡查"
    SPECIAL = "special", "专项行动"
    JOINT = "joint", "联合执法"
    CROSS = "cross", "跨街道跨部门"


class InspectionBatch(OrgScoped, Versioned):
    """One inspection action with the count of objects checked: nobody keys 5,741 vehicles one by one."""

    held_on = models.DateField("检查日期", db_index=True)
    action = models.CharField(
        "行动类型", max_length=20, choices=ActionKind.choices, default=ActionKind.ROUTINE
    )
    special_action = models.ForeignKey(
        SpecialAction,
        verbose_name="专项行动",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    random_check = models.BooleanField("双随机一公开", default=False)
    field = models.CharField("执法领域", max_length=20, choices=Field.choices, default=Field.WORK_SAFETY)
    object_kind = models.CharField(
        "检查对象", max_length=20, choices=ObjectKind.choices, default=ObjectKind.ENTERPRISE
    )
    objects_checked = models.PositiveIntegerField("检查对象数", validators=[MinValueValidator(1)])
    hazards_found = models.PositiveIntegerField("发现隐患（条）", default=0)
    hazards_rectified = models.PositiveIntegerField("已整改隐患（条）", default=0)
    # Only the cases filed outside this ledger (before it was used, or by another system): the cases filed in
    # the ledger from the inspection's hazards are its linked cases, counted by cases_filed_expression().
    cases_filed_outside = models.PositiveIntegerField(
        "台账外立案（宗）",
        default=0,
        help_text="未在本系统登记的立案宗数；在本系统立案并关联本次检查的案件自动计入，不要重复填写",
    )
    joint_units = models.CharField("联合单位", max_length=300, blank=True)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "执法检查"
        verbose_name_plural = "执法检查"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hazards_rectified__lte=models.F("hazards_found")),
                name="enforcement_rectified_within_found",
                violation_error_message="已整改隐患不能多于发现隐患。",
            )
        ]

    def __str__(self):
        return f"{self.held_on} {self.get_action_display()} {self.special_action or ''}".strip()


# The cases an inspection led to (立案), one rule for the list, the detail page, the API, the Excel export and
# the figures: the cases filed in the ledger and linked to the inspection (撤销立案 left out, as the case
# figures leave it out), plus the typed number of cases filed outside the ledger. The typed number is never
# the total, so linking a case never counts it twice.
def linked_cases_count():
    linked = (
        EnforcementCase.objects.filter(inspection=OuterRef("pk"))
        .exclude(status=REVOKED)
        .order_by()
        .values("inspection")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(linked), 0)


def cases_filed_expression():
    """立案 of an inspection row (see above): annotate it as ``cases_filed``, or sum it over rows."""
    return F("cases_filed_outside") + linked_cases_count()


def with_cases_filed(queryset):
    return queryset.annotate(cases_linked=linked_cases_count(), cases_filed=cases_filed_expression())


# --- case file reviews ----------------------------------------------------------------------------------


class FileReview(OrgScoped, Versioned):
    """案卷评查: one case file reviewed, with its score and the problems found."""

    case = models.ForeignKey(
        EnforcementCase, verbose_name="案件", on_delete=models.CASCADE, related_name="reviews"
    )
    reviewed_on = models.DateField("评查日期")
    reviewer = models.CharField("评查人", max_length=100)
    score = models.PositiveSmallIntegerField("得分", validators=[MaxValueValidator(100)])
    problems = models.TextField("发现的问题", blank=True)

    class Meta:
        verbose_name = "案卷评查"
        verbose_name_plural = "案卷评查"
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"{self.case} 评查 {self.score}分"
