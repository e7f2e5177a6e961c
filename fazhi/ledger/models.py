"""What ledger records share, as features a model combines (NetBox-style mixins):

- ``OrgScoped``: the owner unit and the one scoping rule (``Model.objects.visible_to(user)``);
- ``Versioned``: optimistic locking and who registered and last changed it;
- ``Numbered``: the record number (观澜调〔2024〕0001号);
- ``Stateful``: a status machine;
- ``Deadlined``: a due date the deadline engine computes, its 「暂定」 state and its recomputation.

``LedgerRecord`` is all five: a case of a work line. A roster (officers and their certificates) or an
activity (a 普法 event) takes only what it needs — scoped and versioned, perhaps deadlined — and is still
changed through fazhi.ledger.services and audited there. Also here: parties, number sequences, attachments.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import OrgScopedQuerySet

from .personal import DigestField, EncryptedTextField, MaskedField

LedgerQuerySet = OrgScopedQuerySet  # the name the ledgers' managers and tests know


class OrgScoped(models.Model):
    READ_ALSO_BY: tuple[str, ...] = ()  # organisation fields whose units may read (never write) the record

    org = models.ForeignKey(Organisation, verbose_name="承办单位", on_delete=models.PROTECT, related_name="+")

    objects = OrgScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class Versioned(models.Model):
    version = models.PositiveIntegerField("版本", default=1, editable=False)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最后修改人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class Numbered(models.Model):
    NUMBER_KIND = ""  # the character in the number, e.g. "调" → 观澜调〔2024〕0001号

    number = models.CharField("编号", max_length=60, unique=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.number


class Stateful(models.Model):
    STATES = None  # a fazhi.ledger.states.StatusMachine

    status = models.CharField("状态", max_length=30)

    class Meta:
        abstract = True

    @property
    def status_label(self) -> str:
        return self.STATES.labels.get(self.status, self.status)

    @property
    def is_closed(self) -> bool:
        return self.status in self.STATES.closed

    @classmethod
    def open_q(cls) -> Q:
        # The open states named, not the closed ones excluded: an IN list reaches the (status, due_date)
        # index the deadline board reads by; a NOT IN scans every record of the units.
        return Q(status__in=cls.STATES.open)


class Deadlined(models.Model):
    """A due date that the deadline engine computes and the home board watches while the record is open."""

    DEADLINE_RULE = ""  # code of the statutory limit watched while the record is open
    # Date fields the deadline engine fills (never dates typed from a letter): shown 「暂定」 while they run
    # through a year without a holiday notice, and recomputed by refresh_deadlines() when it is entered.
    COMPUTED_DATES: tuple[str, ...] = ("due_date",)

    due_date = models.DateField("办理期限", null=True, blank=True, db_index=True)

    class Meta:
        abstract = True

    @classmethod
    def open_q(cls) -> Q:
        """Which records are still watched; a Stateful record says so by its status."""
        return Q()

    @classmethod
    def board_q(cls, day, soon_until) -> Q:
        """Which open records the home board lists on ``day``: those due by ``soon_until``. A roster that
        warns earlier (a 执法证 from a configurable number of days before it expires) says so here."""
        return Q(due_date__isnull=False, due_date__lte=soon_until)

    @property
    def is_closed(self) -> bool:
        return False

    def computed_dates(self) -> tuple[str, ...]:
        return self.COMPUTED_DATES

    def refresh_deadlines(self) -> None:
        """Recompute the computed dates from the rules table and today's calendar (each ledger says how)."""
        raise NotImplementedError(f"{type(self).__name__} must say how its due dates are computed")

    @property
    def provisional_reason(self) -> str:
        """Why the record's computed dates are 「暂定」 ("2027年节假日安排尚未录入"), or "" when they are exact."""
        from fazhi.deadlines.calendar import provisional_reason

        return "、".join(provisional_reason(year) for year in sorted(self._provisional_years()))

    @property
    def provisional(self) -> bool:
        return bool(self._provisional_years())

    def _provisional_years(self) -> set[int]:
        from fazhi.deadlines.calendar import is_provisional

        values = (getattr(self, name) for name in self.computed_dates())
        return {value.year for value in values if value and is_provisional(value)}

    def due_text(self, name: str = "due_date") -> str:
        """A computed date as exports write it: "2027-01-14（暂定）" while provisional, "" when there is none."""
        return self._due_written(name, lambda day: day.isoformat())

    def due_label(self, name: str = "due_date") -> str:
        """A computed date as messages say it: "2027年2月1日（暂定）" while provisional, "" when there is none."""
        from fazhi.dates import cn_date

        return self._due_written(name, cn_date)

    def _due_written(self, name: str, write) -> str:
        from fazhi.deadlines.calendar import PROVISIONAL_LABEL, is_provisional

        value = getattr(self, name)
        if value is None:
            return ""
        provisional = name in self.computed_dates() and is_provisional(value)
        return write(value) + (f"（{PROVISIONAL_LABEL}）" if provisional else "")

    @property
    def due_basis(self) -> str:
        """What the watched due date rests on (an article, a platform's time limit), for the home board;
        "" where the ledger does not say."""
        return ""

    def deadline_status(self, today=None) -> str:
        """ "overdue", "due_soon" or "ok" — decided by the deadline engine, nowhere else."""
        from fazhi.deadlines.engine import status

        if self.is_closed or self.due_date is None:
            return "ok"
        return status(self.due_date, today)


class LedgerRecord(Numbered, OrgScoped, Stateful, Deadlined, Versioned):
    """Abstract base of a case of a work line. Change records only through fazhi.ledger.services."""

    class Meta:
        abstract = True


class PartyRecord(models.Model):
    """Abstract base of a party to a ledger record (当事人). Names stay searchable in plain text; ID
    numbers and phones are encrypted and found by exact value through their keyed digest. A subclass
    adds the link to its record and a ``role`` with its own choices."""

    name = models.CharField("姓名或名称", max_length=100, db_index=True)
    id_number = EncryptedTextField("身份证号码", kind="id_number", blank=True)
    id_number_digest = DigestField(source="id_number", kind="id_number")
    phone = EncryptedTextField("联系电话", kind="phone", blank=True)
    phone_digest = DigestField(source="phone", kind="phone")
    # What lists show, kept at write time: a list of fifty records decrypts nothing (ledger.api)
    id_number_masked = MaskedField(source="id_number", kind="id_number")
    phone_masked = MaskedField(source="phone", kind="phone")

    class Meta:
        abstract = True
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        ordering = ["role", "pk"]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"


class NumberSequence(models.Model):
    """The last number given per unit, kind and year; locked while a number is taken."""

    org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["org", "kind", "year"], name="unique_number_sequence")]

    def __str__(self):
        return f"{self.org_id}/{self.kind}/{self.year}: {self.last}"


def attachment_path(instance, filename: str) -> str:
    return f"attachments/{instance.content_type.app_label}/{instance.object_id}/{instance.token}"


class Attachment(models.Model):
    """A file attached to a ledger record; always downloaded, never shown inline."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    token = models.CharField(max_length=32, unique=True, editable=False)
    file = models.FileField("文件", upload_to=attachment_path, max_length=255)
    name = models.CharField("文件名", max_length=200)
    description = models.CharField("说明", max_length=200, blank=True)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.name


class SettingsRow(models.Model):
    """A ledger's one row of settings (thresholds the system administrator may change).

    Declared in the ledger's ``settings_models``, so every change is in the audit trail and the
    system administrator edits it on the settings site (fazhi.ledger.admin.SettingsRowAdmin).
    """

    class Meta:
        abstract = True

    @classmethod
    def current(cls):
        """The settings in force; the defaults are written on first use.

        The defaults are nobody's change: bulk_create sends no signals, so they stay out of the
        audit trail, which then starts with the first change a person makes.
        """
        row = cls.objects.order_by("pk").first()
        if row is None:
            cls.objects.bulk_create([cls()])
            row = cls.objects.order_by("pk").first()
        return row


class DocumentTemplate(models.Model):
    """An office's own Word template for one kind of record document (fazhi.ledger.documents), replacing
    the default shipped with the ledger for the records of ``org`` and the units below it (every unit when
    empty). Kept in the database, not the media folder, so that backups carry it; changed only through
    ``documents.replace_template`` and ``documents.restore_default`` (both audited)."""

    kind = models.CharField("文书", max_length=40)
    org = models.ForeignKey(
        Organisation,
        verbose_name="适用单位",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="该单位及其下级单位的记录使用此模板；留空则全部单位使用。",
    )
    name = models.CharField("文件名", max_length=200)
    content = models.BinaryField("模板文件")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now=True)

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        constraints = [
            models.UniqueConstraint(fields=["kind", "org"], name="one_template_per_kind_and_unit"),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(org__isnull=True), name="one_template_per_kind_for_all_units"
            ),
        ]

    def __str__(self):
        from .documents import document_title

        return f"{document_title(self.kind)}（{self.org.name if self.org_id else '全部单位'}）"


class ImportLayout(models.Model):
    """How an office's own sheet maps onto a ledger's import columns: remembered per office (its 街道),
    ledger sheet and layout (the sheet's headers, folded), so that next month's sheet in the same layout
    imports without asking again (fazhi.ledger.excel_mapping)."""

    org = models.ForeignKey(Organisation, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    sheet = models.CharField("台账", max_length=80)  # ExcelPages.key
    layout = models.CharField("表头特征", max_length=64)  # SM3 of the folded headers
    headers = models.JSONField("表格列名", default=list)
    columns = models.JSONField("对应字段", default=dict)  # office column index (str) → column key, "" to skip
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField("确认时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入表格的列对应"
        constraints = [
            models.UniqueConstraint(fields=["org", "sheet", "layout"], name="one_layout_per_sheet")
        ]

    def __str__(self):
        return f"{self.org}·{self.sheet}"
