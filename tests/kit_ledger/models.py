"""整改事项: a matter handed to a unit to put right within a statutory time, then done or cancelled."""

from django.db import models
from django.urls import reverse

from fazhi.deadlines.engine import due_for_rule
from fazhi.ledger.models import LedgerRecord
from fazhi.ledger.states import StatusMachine

OPEN, DONE, CANCELLED = "open", "done", "cancelled"

STATES = StatusMachine(
    labels={OPEN: "办理中", DONE: "已办结", CANCELLED: "已撤销"},
    transitions={OPEN: (DONE, CANCELLED)},
    initial=OPEN,
    closed=frozenset({DONE, CANCELLED}),
)


class Notice(LedgerRecord):
    NUMBER_KIND = "试"
    STATES = STATES
    DEADLINE_RULE = "enforcement.preservation"  # any rule of the table: 7 days from the day it is handed over

    title = models.CharField("事项名称", max_length=200)
    issued_on = models.DateField("交办日期")
    note = models.TextField("情况说明", blank=True)
    done_on = models.DateField("办结日期", null=True, blank=True)
    result = models.TextField("办理结果", blank=True)
    close_reason = models.TextField("撤销原因", blank=True)

    class Meta:
        verbose_name = "整改事项"
        verbose_name_plural = "整改事项"
        ordering = ["-issued_on", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("kit:detail", args=[self.pk])

    def refresh_deadlines(self) -> None:
        if self.issued_on:
            self.due_date = due_for_rule(self.DEADLINE_RULE, self.issued_on).due
