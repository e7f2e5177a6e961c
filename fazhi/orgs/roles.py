"""The roles a person can hold in an organisation (DOMAIN.md "Who uses it")."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    reads_ledgers: bool = True
    writes_ledgers: bool = False
    sees_personal_data: bool = False  # may reveal unmasked ID numbers and phones (and is audited)
    admin: bool = False  # one of the three separated admin roles (三员分立)


ROLES: dict[str, Role] = {
    r.code: r
    for r in (
        Role("handler", "登记/办理人员", writes_ledgers=True, sees_personal_data=True),
        Role("legal", "法律顾问/公职律师/司法所", writes_ledgers=True, sees_personal_data=True),
        Role("enforcement", "综合执法队员", writes_ledgers=True, sees_personal_data=True),
        Role("petition", "信访/信息公开/督办人员", writes_ledgers=True, sees_personal_data=True),
        Role("office", "党政办/法治办", writes_ledgers=True),
        Role("leader", "领导"),
        Role("district_reviewer", "区级审阅"),
        Role("sys_admin", "系统管理员", reads_ledgers=False, admin=True),
        Role("sec_admin", "安全管理员", reads_ledgers=False, admin=True),
        Role("audit_admin", "审计管理员", reads_ledgers=False, admin=True),
    )
}
ROLE_CHOICES = [(r.code, r.label) for r in ROLES.values()]
ADMIN_ROLES = frozenset(code for code, r in ROLES.items() if r.admin)
