"""What every ledger's Excel import shares once the file is parsed: the all-or-nothing result, and the
unit named in a row (by code or full name) checked against the importer's right to write there."""

from dataclasses import dataclass, field

from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import can_write

from .excel import CellError


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    skipped: int = 0  # rows of records already registered (a platform's file imported again), left alone

    @property
    def ok(self) -> bool:
        return not self.errors


class UnitResolver:
    """Unit lookup by code or full name (what the exports write), and the actor's right to write there,
    each asked once a file. A name two active units share is refused with their codes, never guessed."""

    def __init__(self, actor, what: str):
        self.actor = actor
        self.what = what  # what the rows register, for the messages: "纠纷", "案件" …
        self.by_code: dict[str, Organisation] = {}
        self.by_name: dict[str, list[Organisation]] = {}
        for org in Organisation.objects.filter(active=True):
            self.by_code[org.code] = org
            self.by_name.setdefault(org.name, []).append(org)
        self.writable: dict[int, bool] = {}

    def resolve(self, text: str) -> tuple[Organisation | None, str]:
        key = (text or "").strip()
        named = self.by_name.get(key, [])
        org = self.by_code.get(key) or (named[0] if len(named) == 1 else None)
        if org is None and len(named) > 1:
            codes = "、".join(o.code for o in named)
            return None, f"有{len(named)}个单位名为“{key}”；请改填其中一个的单位代码（{codes}）"
        if org is None:
            return None, f"没有代码或名称为“{text}”的单位；请填写单位代码或与系统一致的单位全称"
        if org.pk not in self.writable:
            self.writable[org.pk] = can_write(self.actor, org)
        if not self.writable[org.pk]:
            return None, f"您无权在“{org.name}”登记{self.what}；请只导入本单位及下级单位的{self.what}"
        return org, ""
