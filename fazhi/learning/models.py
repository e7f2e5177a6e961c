"""学法、普法与公共法律服务台账: activity records, not numbered cases.

Each record is what happened on a day — a study session, a 普法 event, a tally of a station's services,
a leader's act for the 第一责任人 part of the report. They are scoped to their unit and versioned
(``OrgScoped``, ``Versioned``), changed only through the kit's services and audited there; they have no
number and no status machine, because nothing about them is pending.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from fazhi.dates import cn_date
from fazhi.ledger.models import OrgScoped, Versioned
from fazhi.ledger.personal import EncryptedTextField


class StudyKind(models.TextChoices):
    PRE_MEETING = "pre_meeting", "党工委会议会前学法"
    CENTRE_GROUP = "centre_group", "理论学习中心组学法"
    LEADER_LECTURE = "leader_lecture", "领导干部法治讲座"
    TRAINING = "training", "专题培训"
    MEDIATOR_TRAINING = "mediator_training", "调解员业务培训"
    ONLINE = "online", "线上学法考法平台"


# The kinds that are trainings (counted as 培训人次), not the leaders' own study.
TRAINING_KINDS = (StudyKind.TRAINING, StudyKind.MEDIATOR_TRAINING)
# The kinds that are study sessions held (学习会议, 观澜's "53场…129个主题"): neither a training nor the
# online platform, whose record counts participants rather than a session held.
STUDY_KINDS = (StudyKind.PRE_MEETING, StudyKind.CENTRE_GROUP, StudyKind.LEADER_LECTURE)


class Audience(models.TextChoices):
    LEADERS = "leaders", "领导班子"
    CADRES = "cadres", "科级干部"
    STAFF = "staff", "在编公职人员"
    COMMUNITY = "community", "社区专职工作者"
    MEDIATORS = "mediators", "调解员"
    LITERATE = "literate", "法律明白人"
    GRID = "grid", "网格员"


class StudySession(OrgScoped, Versioned):
    """A study or training session: 会前学法, 中心组, 法治讲座, 培训."""

    held_on = models.DateField("日期", db_index=True)
    kind = models.CharField("类别", max_length=30, choices=StudyKind.choices)
    title = models.CharField("主题", max_length=200)
    topics = models.TextField("学习内容（法律法规，一行一项）", blank=True)
    topic_count = models.PositiveIntegerField("学习主题数", default=1, editable=False)
    audience = models.CharField("参加对象", max_length=20, choices=Audience.choices)
    attendance = models.PositiveIntegerField("参加人次", validators=[MinValueValidator(1)])
    speaker = models.CharField("主讲人", max_length=100, blank=True)
    hosted_by_head = models.BooleanField("党政主要负责人主持", default=False)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "学法培训"
        verbose_name_plural = "学法培训"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["org", "held_on"])]

    def __str__(self):
        return f"{cn_date(self.held_on)} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("learning:session", args=[self.pk])

    def topic_list(self) -> list[str]:
        return [line.strip() for line in self.topics.splitlines() if line.strip()]


class PufaKind(models.TextChoices):
    LECTURE = "lecture", "法治讲座"
    FIVE_INTO = "five_into", "法律进社区/企业/学校"
    CASE = "case", "以案释法"
    MONTH = "month", "主题宣传月（民法典宣传月等）"
    CONSTITUTION = "constitution", "宪法宣传周/国家宪法日"
    FAIR = "fair", "游园集市宣传"
    ONLINE = "online", "网络直播/线上宣传"
    OTHER = "other", "其他"


class PufaEvent(OrgScoped, Versioned):
    """A 普法 event; the organiser is the unit (an enforcement team's event is 谁执法谁普法)."""

    held_on = models.DateField("日期", db_index=True)
    kind = models.CharField("类别", max_length=20, choices=PufaKind.choices)
    title = models.CharField("活动名称", max_length=200)
    place = models.CharField("地点", max_length=200, blank=True)
    audience = models.CharField("面向群体", max_length=200, blank=True)
    people_reached = models.PositiveIntegerField("惠及群众（人）", default=0)
    consultations = models.PositiveIntegerField("接受法律咨询（人次）", default=0)
    media_reports = models.PositiveIntegerField("媒体报道（篇）", default=0)
    outlets = models.CharField("报道媒体", max_length=200, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "普法活动"
        verbose_name_plural = "普法活动"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["org", "held_on"])]

    def __str__(self):
        return f"{cn_date(self.held_on)} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("learning:event", args=[self.pk])


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", "宣传折页"
    POSTER = "poster", "普法挂图"
    BAG = "bag", "法治宣传袋"
    BOOKLET = "booklet", "宣传手册"
    HANDOUT = "handout", "宣传资料"
    OTHER = "other", "其他"


class MaterialUnit(models.TextChoices):
    """Kept apart: 6000只 bags and 3000份 leaflets are never added up."""

    FEN = "份", "份"
    ZHI = "只", "只"
    BEN = "本", "本"
    ZHANG = "张", "张"


class Material(models.Model):
    """One line of materials handed out at an event: kind, unit and quantity."""

    event = models.ForeignKey(PufaEvent, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField("资料类别", max_length=20, choices=MaterialKind.choices)
    unit = models.CharField("单位", max_length=4, choices=MaterialUnit.choices)
    quantity = models.PositiveIntegerField("数量", validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = "宣传资料"
        verbose_name_plural = "宣传资料"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_kind_display()}{self.quantity}{self.unit}"


class ServiceKind(models.TextChoices):
    CONSULTATION = "consultation", "法律咨询和法律服务"
    CHECKUP = "checkup", "企业法治体检"
    LECTURE = "lecture", "法律讲座"
    DRAFTING = "drafting", "代写法律文书"
    PUBLICITY = "publicity", "信息宣传"


# What one count of each kind is: 541次 consultations, 197家 enterprises, 42场 lectures, 82篇 posts.
SERVICE_UNITS = {
    ServiceKind.CONSULTATION: "次",
    ServiceKind.CHECKUP: "家",
    ServiceKind.LECTURE: "场",
    ServiceKind.DRAFTING: "份",
    ServiceKind.PUBLICITY: "篇",
}

# Units whose service records these are: the 驿站 and the 法律顾问室.
SERVICE_UNIT_KINDS = ("legal_station", "legal_adviser")


class ClientKind(models.TextChoices):
    RESIDENT = "resident", "居民"
    ENTERPRISE = "enterprise", "企业"
    AGENCY = "agency", "机关单位"


class ServiceRecord(OrgScoped, Versioned):
    """A 驿站's or legal adviser's services of one kind on a day (or a tally over a week or month)."""

    served_on = models.DateField("日期", db_index=True)
    kind = models.CharField("服务类别", max_length=20, choices=ServiceKind.choices)
    count = models.PositiveIntegerField("数量", default=1, validators=[MinValueValidator(1)])
    client_kind = models.CharField("服务对象", max_length=20, choices=ClientKind.choices, blank=True)
    lawyer = models.CharField("律师或法律顾问", max_length=100, blank=True)
    summary = models.CharField("事项摘要", max_length=300, blank=True)

    class Meta:
        verbose_name = "法律服务记录"
        verbose_name_plural = "法律服务记录"
        ordering = ["-served_on", "-pk"]
        indexes = [models.Index(fields=["org", "served_on"])]

    def __str__(self):
        return f"{cn_date(self.served_on)} {self.get_kind_display()}{self.count}{self.unit}"

    @property
    def unit(self) -> str:
        return SERVICE_UNITS.get(self.kind, "次")

    def get_absolute_url(self) -> str:
        return reverse("learning:service", args=[self.pk])


class ActKind(models.TextChoices):
    STUDY_PLAN = "study_plan", "制发年度学法计划"
    LAW_MEETING = "law_meeting", "党工委（办事处）会议专题研究法治建设"
    REPORT_ON_LAW = "report_on_law", "述法"
    CASE_CONTACT = "case_contact", "包案化解矛盾纠纷或行政争议"
    OTHER = "other", "其他履职活动"


class LeadershipAct(OrgScoped, Versioned):
    """What the principal leaders did for 法治建设: the 第一责任人 part of the annual report.
    出庭应诉 and 行政争议分析会 are not entered here: they are counted from the litigation ledger."""

    held_on = models.DateField("日期", db_index=True)
    kind = models.CharField("类别", max_length=20, choices=ActKind.choices)
    leader = models.CharField("负责人", max_length=100)
    title = models.CharField("事项", max_length=200)
    topics = models.TextField("研究议题或内容", blank=True)
    planned_sessions = models.PositiveIntegerField("计划会前学法次数", null=True, blank=True)
    dispute = models.ForeignKey(
        "disputes.Dispute",
        verbose_name="包案的纠纷",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    petition = models.ForeignKey(
        "petitions.Petition",
        verbose_name="包案的信访事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "第一责任人履职"
        verbose_name_plural = "第一责任人履职"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["org", "held_on"])]

    def __str__(self):
        return f"{cn_date(self.held_on)} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("learning:act", args=[self.pk])


class LegalLiterate(OrgScoped, Versioned):
    """A 法律明白人 of a community (the roster); trainings are study sessions with them as the audience."""

    name = models.CharField("姓名", max_length=50)
    appointed_on = models.DateField("聘任日期", db_index=True)
    occupation = models.CharField("身份", max_length=100, blank=True, help_text="如楼道长、网格员、退休教师")
    trainings_attended = models.PositiveIntegerField("参加培训次数", default=0)
    left_on = models.DateField("退出日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "法律明白人"
        verbose_name_plural = "法律明白人"
        ordering = ["org", "name", "pk"]
        indexes = [models.Index(fields=["org", "appointed_on"])]

    def __str__(self):
        return f"{self.name}（{self.org.name}）"

    def get_absolute_url(self) -> str:
        return reverse("learning:literate", args=[self.pk])


class ExamRound(OrgScoped, Versioned):
    """A round of the officials' law exam (学法考试): enrolled, sat, excellent → 参考率 and 优秀率."""

    held_on = models.DateField("考试日期", db_index=True)
    title = models.CharField("考试名称", max_length=200)
    enrolled = models.PositiveIntegerField("应考人数", validators=[MinValueValidator(1)])
    sat = models.PositiveIntegerField("参考人数")
    passed = models.PositiveIntegerField("合格人数", default=0)
    excellent = models.PositiveIntegerField("优秀人数", default=0)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "学法考试"
        verbose_name_plural = "学法考试"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sat__lte=models.F("enrolled"))
                & models.Q(passed__lte=models.F("sat"))
                & models.Q(excellent__lte=models.F("sat")),
                name="learning_exam_counts_consistent",
                violation_error_message="参考人数不能多于应考人数，合格、优秀人数不能多于参考人数。",
            )
        ]

    def __str__(self):
        return f"{cn_date(self.held_on)} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("learning:exam", args=[self.pk])


class AdviserAssignment(OrgScoped, Versioned):
    """一社区一法律顾问: the lawyer a community has for a term, with the duty rota. The unit is the community;
    the lawyer's phone is personal data (encrypted at rest, masked on pages, never in the API)."""

    # A term agreed ahead of its start (聘期 from next January) and its end some years on are real dates.
    DATES_AHEAD = {"term_start": 1, "term_end": 5}

    lawyer = models.CharField("法律顾问（律师）", max_length=50)
    law_firm = models.CharField("所在律师事务所", max_length=100)
    phone = EncryptedTextField("联系电话", kind="phone", blank=True)
    term_start = models.DateField("聘期开始", db_index=True)
    term_end = models.DateField("聘期结束", null=True, blank=True, help_text="不填为长期")
    rota = models.CharField("值班安排", max_length=200, blank=True, help_text="如每周三下午在社区值班")
    duties_per_month = models.PositiveIntegerField("每月值班次数", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "社区法律顾问"
        verbose_name_plural = "社区法律顾问"
        ordering = ["org", "-term_start", "-pk"]
        indexes = [models.Index(fields=["org", "term_start"])]

    def __str__(self):
        return f"{self.org.name}法律顾问{self.lawyer}"

    def get_absolute_url(self) -> str:
        return reverse("learning:adviser", args=[self.pk])

    def in_term(self, day) -> bool:
        return self.term_start <= day and (self.term_end is None or self.term_end >= day)


class HonourLevel(models.TextChoices):
    NATIONAL = "national", "全国"
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    DISTRICT = "district", "区级"


class ModelCommunity(OrgScoped, Versioned):
    """民主法治示范村（社区）: a title a community was awarded, held until it is revoked (复核不合格撤销命名)."""

    level = models.CharField("级别", max_length=20, choices=HonourLevel.choices)
    title = models.CharField("荣誉称号", max_length=200, help_text="如“全国民主法治示范社区”")
    awarded_on = models.DateField("命名日期", db_index=True)
    awarded_by = models.CharField("命名机关", max_length=200, blank=True)
    revoked_on = models.DateField("撤销命名日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = "民主法治示范社区"
        verbose_name_plural = "民主法治示范社区"
        ordering = ["-awarded_on", "-pk"]
        indexes = [models.Index(fields=["org", "awarded_on"])]

    def __str__(self):
        return f"{self.org.name}（{self.title}）"

    def get_absolute_url(self) -> str:
        return reverse("learning:honour", args=[self.pk])
