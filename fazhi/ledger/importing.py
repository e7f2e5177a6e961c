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

    @property
    def ok(self) -> bool:
        return not self.errors


class UnitResolver:
    """Unit lookup by code or full name, and the actor's right to write there, each asked once a file."""

    def __init__(self, actor, what: str):
        self.actor = actor
        self.what = what  # what the rows register, for the messages: "纠纷", "案件" …
        self.by_key: dict[str, Organisation] = {}
        for org in Organisation.objects.filter(active=True):
            self.by_key.setdefault(org.code, org)
            self.by_key.setdefault(org.name, org)
        self.writable: dict[int, bool] = {}

    def resolve(self, text: str) -> tuple[Organisation | None, str]:
        org = self.by_key.get((text or "").strip())
        if org is None:
            return None, f"没有代码或名称为“{text}”的单位；请填写单位代码或与系统一致的单位全称"
        if org.pk not in self.writable:
            self.writable[org.pk] = can_write(self.actor, org)
        if not self.writable[org.pk]:
            return None, f"您无权在“{org.name}”登记{self.what}；请只导入本单位及下级单位的{self.what}"
        return org, ""
