from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from .roles import ROLE_CHOICES, ROLES


class Kind(models.TextChoices):
    DISTRICT = "district", "区"
    STREET = "street", "街道"
    COMMUNITY = "community", "社区"
    OFFICE = "office", "内设机构"
    JUSTICE_OFFICE = "justice_office", "司法所"
    ENFORCEMENT_TEAM = "enforcement_team", "综合执法队"
    STREET_COMMITTEE = "street_committee", "街道调委会"
    COMMUNITY_COMMITTEE = "community_committee", "社区调委会"
    MEDIATION_STUDIO = "mediation_studio", "调解工作室"
    LAWYER_MEDIATOR = "lawyer_mediator", "律师调解员"
    POLICE_JOINT = "police_joint", "警民联调工作室"
    PSYCH_SERVICE = "psych_service", "心理服务"
    LEGAL_STATION = "legal_station", "公共法律服务驿站"
    LEGAL_ADVISER = "legal_adviser", "法律顾问室"


# The units whose work is mediation (调委会, 调解工作室, 律师调解, 警民联调, 心理服务): what a mediator's
# navigation is made for.
MEDIATION_BODIES = frozenset(
    {
        Kind.STREET_COMMITTEE,
        Kind.COMMUNITY_COMMITTEE,
        Kind.MEDIATION_STUDIO,
        Kind.LAWYER_MEDIATOR,
        Kind.POLICE_JOINT,
        Kind.PSYCH_SERVICE,
    }
)


class OrganisationQuerySet(models.QuerySet):
    def subtree_of(self, orgs) -> "OrganisationQuerySet":
        """The given organisations and every organisation below them."""
        condition = models.Q(pk__in=[])
        for path in {o.path for o in orgs}:
            condition |= models.Q(path__startswith=path)
        return self.filter(condition)


class Organisation(models.Model):
    """A node of the tree 区 → 街道 → 社区 and the working units under them."""

    code = models.SlugField("代码", max_length=40, unique=True, help_text="英文字母和数字，用于接口与导入")
    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("编号简称", max_length=20, help_text="用于文书编号，如“观澜”")
    kind = models.CharField("类型", max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # "/1/5/23/": ancestors' ids, so that a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, editable=False, db_index=True)
    active = models.BooleanField("启用", default=True)
    # The district page compares 街道 of very different size: per 10,000 residents as well as in total.
    residents = models.PositiveIntegerField(
        "常住人口（人）",
        null=True,
        blank=True,
        help_text="街道的常住人口，用于各街道对比页的“每万常住人口”指标；不填则该街道不计算",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "组织机构"
        verbose_name_plural = "组织机构"
        ordering = ["path"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        with transaction.atomic():
            old_path = self.path
            super().save(*args, **kwargs)
            new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
            if new_path == old_path:
                return
            Organisation.objects.filter(pk=self.pk).update(path=new_path)
            if old_path:  # moved: its subtree moves with it
                for child in Organisation.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    child_path = new_path + child.path[len(old_path) :]
                    Organisation.objects.filter(pk=child.pk).update(path=child_path)
            self.path = new_path

    def clean(self):
        if self.pk and self.parent and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": "上级不能是本单位或其下级单位，请重新选择上级。"})

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def ancestor_of_kind(self, kind: str) -> "Organisation | None":
        return Organisation.objects.filter(pk__in=self.ancestor_ids(), kind=kind).first()

    @property
    def street(self) -> "Organisation | None":
        return self.ancestor_of_kind(Kind.STREET)

    def is_within(self, other: "Organisation") -> bool:
        return self.path.startswith(other.path)


class RoleAssignment(models.Model):
    """A person holds a role in an organisation, and so in every organisation below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="人员", on_delete=models.CASCADE, related_name="roles"
    )
    org = models.ForeignKey(Organisation, verbose_name="单位", on_delete=models.PROTECT, related_name="roles")
    role = models.CharField("角色", max_length=30, choices=ROLE_CHOICES)

    class Meta:
        verbose_name = "角色分配"
        verbose_name_plural = "角色分配"
        constraints = [models.UniqueConstraint(fields=["user", "org", "role"], name="unique_role_in_org")]

    def __str__(self):
        return f"{self.user} · {self.org} · {ROLES[self.role].label}"

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)

    def clean(self):
        from fazhi.accounts import separation
        from fazhi.audit.context import current_actor

        separation.check_assignment(self.user_id, self.role, exclude_pk=self.pk)
        actor = current_actor()
        if actor is not None:  # in a request: who may change roles, and never his own
            before = RoleAssignment.objects.filter(pk=self.pk).values_list("user_id", flat=True).first()
            try:
                for user_id in {self.user_id, before} - {None}:
                    separation.check_manages(actor, user_id, "分配或修改角色")
            except PermissionDenied as exc:
                raise ValidationError({"user": str(exc)}) from None

    def delete(self, *args, **kwargs):
        from fazhi.accounts import separation
        from fazhi.audit.context import current_actor

        actor = current_actor()
        if actor is not None:
            separation.check_manages(actor, self.user_id, "撤销角色")
        return super().delete(*args, **kwargs)
