"""The one scoping rule: who may read and who may write which organisation's records.

A person reads and writes the records of the organisations where they hold a ledger role and of
every organisation below them; read-only roles (领导, 区级审阅) read the same subtree and never
write; the three admin roles see no ledger records at all. A ledger may name further units that read
(never write) a record, such as the unit that submitted an item for legality review or the co-handling
units (协办单位) of an oversight item. Every queryset of
records owned by a unit is filtered by :func:`visible_orgs` through ``OrgScopedQuerySet.visible_to``
(ledger records, annual reports, meetings) — views and the API never filter for permission themselves.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q

from .models import Organisation, RoleAssignment
from .roles import ROLES

# A person's role assignments as a query of people reads them alongside (``"user__" + column``) for
# ``hold_roles``: none where the person holds no role.
HELD_ROLE_COLUMNS = ("roles__role", "roles__org_id", "roles__org__path")
_HELD = "_held_roles"  # where a person loaded for one request keeps them
_ONCE = "_roles_read_once"  # a person loaded for one request keeps them once read (read_roles_once)


def hold_roles(user, rows) -> None:
    """Give ``user``, a person loaded for this request only (the API token's holder), the role assignments
    read with them (``HELD_ROLE_COLUMNS`` of each row; a row of None where they hold none): this request's
    scoping uses them instead of reading them again. Never for a person kept across requests: a role
    removed takes effect on the next request."""
    held = []
    for role, org_id, path in rows:
        if role is not None:
            # the id and path are what scoping reads of a unit; any other field is read on access
            held.append((role, Organisation.from_db(user._state.db, ["id", "path"], [org_id, path])))
    setattr(user, _HELD, held)


def read_roles_once(user) -> None:
    """Mark ``user``, the person a web request's session loaded (a new object for each request), so that the
    request reads their roles at its first scoping question and keeps them for the others: a dashboard asked
    some twenty times (the menu, the deadline board's ledgers, the figures' units). A role given or removed
    takes effect on the next request, as with ``hold_roles``."""
    setattr(user, _ONCE, True)


def _assignments(user) -> list[tuple[str, Organisation]]:
    """(role, unit) of each role the person holds: as read with them for this request, else now."""
    held = getattr(user, _HELD, None)
    if held is not None:
        return held
    held = [(a.role, a.org) for a in RoleAssignment.objects.filter(user=user).select_related("org")]
    if getattr(user, _ONCE, False):
        setattr(user, _HELD, held)
    return held


def _roots(user, *, write: bool) -> list[Organisation]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return [
        org
        for role, org in _assignments(user)
        if ROLES[role].reads_ledgers and (ROLES[role].writes_ledgers or not write)
    ]


def scope_key(user, *, write: bool = False) -> tuple[str, ...]:
    """What ``visible_to`` filters a person's records by, as a key: the paths of the units their roles
    reach from. Two people (or requests) with the same key see the same records, so a query built for one
    may be kept for the other."""
    return tuple(sorted({root.path for root in _roots(user, write=write)}))


READ_ONLY = "您的角色只能查看台账，不能登记或导入记录；如需登记，请联系安全管理员为您分配办理角色。"


def require_some_write(user) -> None:
    """Refuse an entry or import page to a person who writes for no unit at all (领导, 区级审阅): the form
    would offer no unit and fail on submit."""
    if not scope_key(user, write=True):
        raise PermissionDenied(READ_ONLY)


def visible_orgs(user, *, write: bool = False):
    """Organisations whose records the user may read (or, with write=True, change)."""
    roots = _roots(user, write=write)
    if not roots:
        return Organisation.objects.none()
    return Organisation.objects.subtree_of(roots)


def can_read(user, org: Organisation) -> bool:
    return any(org.is_within(root) for root in _roots(user, write=False))


def can_write(user, org: Organisation) -> bool:
    return any(org.is_within(root) for root in _roots(user, write=True))


def sees_personal_data(user, org: Organisation) -> bool:
    """May this user reveal unmasked personal data of a record owned by ``org``?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return any(ROLES[role].sees_personal_data and org.is_within(root) for role, root in _assignments(user))


def unit_label(user, org: Organisation) -> str:
    """How a refusal names a unit: by name only if the person may read it, so that a 403 does not tell
    anyone the names (or the existence) of units outside their scope."""
    return f"“{org.name}”" if user is not None and can_read(user, org) else "该单位"


def personal_data_orgs(user):
    """Organisations whose records' personal data the user may see unmasked (and search by): the
    subtrees below the units where they hold a role that sees personal data, and no other."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Organisation.objects.none()
    roots = [root for role, root in _assignments(user) if ROLES[role].sees_personal_data]
    return Organisation.objects.subtree_of(roots) if roots else Organisation.objects.none()


def role_codes(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return {role for role, _ in _assignments(user)}


class OrgScopedQuerySet(models.QuerySet):
    """Records owned by a unit (an ``org`` field); the model may name READ_ALSO_BY unit fields."""

    def visible_to(self, user, *, write: bool = False):
        """The owner unit's people read and write; the units named in the model's READ_ALSO_BY fields
        (e.g. the unit that submitted an item for review) read it too, and never write it.

        A READ_ALSO_BY entry is a unit field of the record ("submitted_by") or a path through its child
        rows ("handlers__unit": the co-handling units of an oversight item). A path is matched through a
        subquery on the record's keys, so that a record two of the person's units co-handle is listed once
        and the queryset gains no join that repeats a record (counts, ordering and ``distinct`` unaffected):
        the owner unit is matched through its own to-one join."""
        roots = _roots(user, write=write)
        if not roots:
            return self.none()
        # The owner unit's path under a root's, through the join to the unit (a list reads its code and
        # name anyway): the rows of ``org__in=visible_orgs(…)``, whose subquery PostgreSQL took longer to
        # plan than the API's page query takes to run (issue 21).
        condition = Q.create([Q(org__path__startswith=path) for path in {r.path for r in roots}], Q.OR)
        orgs = Organisation.objects.subtree_of(roots)
        if not write:
            for field in getattr(self.model, "READ_ALSO_BY", ()):
                if "__" in field:
                    keys = self.model._base_manager.filter(**{f"{field}__in": orgs}).values("pk")
                    condition |= Q(pk__in=keys)
                else:
                    condition |= Q(**{f"{field}__in": orgs})
        return self.filter(condition)
