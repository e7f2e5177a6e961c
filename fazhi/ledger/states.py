"""Status machines of ledger records: which status may follow which."""

from dataclasses import dataclass, field

from fazhi.errors import TransitionNotAllowed


@dataclass(frozen=True)
class StatusMachine:
    labels: dict[str, str]  # code → Chinese label, in display order
    transitions: dict[str, tuple[str, ...]]  # code → codes allowed next
    initial: str
    closed: frozenset[str] = field(default_factory=frozenset)  # no deadline is watched in these

    def __post_init__(self):
        unknown = {s for targets in self.transitions.values() for s in targets} - self.labels.keys()
        unknown |= self.transitions.keys() - self.labels.keys()
        if unknown or self.initial not in self.labels:
            raise ValueError(f"status machine names unknown states: {sorted(unknown) or self.initial}")

    @property
    def open(self) -> tuple[str, ...]:
        """The states a deadline is watched in: every state not closed."""
        return tuple(code for code in self.labels if code not in self.closed)

    @property
    def choices(self) -> list[tuple[str, str]]:
        return list(self.labels.items())

    def allowed(self, current: str) -> tuple[str, ...]:
        return self.transitions.get(current, ())

    def check(self, current: str, target: str) -> None:
        if target not in self.allowed(current):
            allowed = "、".join(self.labels[s] for s in self.allowed(current)) or "无（已办结）"
            raise TransitionNotAllowed(
                f"当前状态为“{self.labels.get(current, current)}”，不能变更为“{self.labels.get(target, target)}”。"
                f"可以变更为：{allowed}。"
            )
