"""Pages of the enforcement ledger: cases, the officers' certificates and the inspection batches, each
one ``LedgerPages`` declaration whose action rows also make the API. Every queryset starts from
``Model.objects.visible_to(user)``."""

from dataclasses import dataclass

from django.db.models import Q, Sum

from fazhi.dates import cn_date, today
from fazhi.deadlines.rules import Rule, get_rule
from fazhi.ids import record_id
from fazhi.ledger.history import FIRST, LAST, Event, business_timeline
from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    current,
    edit_action,
    is_open,
    on_today,
)
from fazhi.ledger.parties import masked_parties
from fazhi.orgs.scoping import can_write

from . import forms, services
from .filters import (
    CASE_FILTERS,
    CERTIFICATE_FILTERS,
    INSPECTION_FILTERS,
    SPECIAL_ACTION_FILTERS,
    base_queryset,
    certificate_queryset,
    inspection_queryset,
    special_action_queryset,
)
from .models import (
    CLOSED,
    DECIDED,
    EXECUTING,
    HEARING,
    HEARING_NOTICE_RULE,
    HEARING_REQUEST_RULE,
    INVESTIGATING,
    NO_PENALTY,
    NOTIFIED,
    PAYMENT_RULE,
    REVOKED,
    SERVED,
    EnforcementCase,
    EnforcementSettings,
    OfficerStatus,
    Procedure,
)

# --- cases ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    """A due date of the case with the statutory limit it comes from (shown with its article)."""

    label: str
    day: object
    rule: Rule
    done: str = ""  # what met it, e.g. "2026年7月10日已公示"


def case_dues(case: EnforcementCase) -> list[Due]:
    rows = [
        ("处罚决定期限", case.decision_due, case.DEADLINE_RULE, case.decision_on and f"{cn_date(case.decision_on)}已决定"),
        ("申请听证期限", case.hearing_request_due, HEARING_REQUEST_RULE,
         case.hearing_requested_on and f"{cn_date(case.hearing_requested_on)}申请听证"),
        ("最早听证日期", case.hearing_earliest, HEARING_NOTICE_RULE, case.hearing_on and f"{cn_date(case.hearing_on)}举行听证"),
        ("公示期限", case.publicity_due, case.publicity_rule, case.published_on and f"{cn_date(case.published_on)}已公示"),
        ("缴纳罚款期限", case.payment_due, PAYMENT_RULE, case.executed_on and f"{cn_date(case.executed_on)}执行"),
    ]  # fmt: skip
    return [Due(label, day, get_rule(code), done or "") for label, day, code, done in rows if day]


def timeline(case: EnforcementCase) -> list[Event]:
    steps = [
        (case.filed_on, "filed", f"立案（{case.get_procedure_display()}）", FIRST),
        (case.investigated_on, "investigated", "调查取证", FIRST + 1),
        (case.notified_on, "notified", "告知" + ("（含听证权利）" if case.hearing_right else ""), FIRST + 2),
        (case.hearing_requested_on, "hearing_request", "当事人申请听证", FIRST + 3),
        (case.hearing_notice_on, "hearing_notice", "送达听证通知", FIRST + 4),
        (case.hearing_on, "hearing", "举行听证", FIRST + 5),
        (case.legal_review_on, "legal_review", "重大执法决定法制审核", FIRST + 6),
        (case.decision_on if case.status != NO_PENALTY else None, "decided",
         f"作出决定：{case.get_penalty_kind_display()}", FIRST + 7),
        (case.served_on, "served", "送达决定书", FIRST + 8),
        (case.published_on, "published", "公示" + ("（逾期）" if case.published_late else ""), FIRST + 9),
        (case.executed_on, "executed", f"执行：{case.get_execution_method_display()}", FIRST + 10),
        (case.closed_on, "closed", f"办结：{case.status_label}", LAST),
    ]  # fmt: skip
    events = [Event(day, kind, title, order=order) for day, kind, title, order in steps if day]
    for review in case.reviews.all():
        events.append(
            Event(
                review.reviewed_on,
                "review",
                f"案卷评查：{review.score}分",
                review.reviewer,
                [review.problems],
            )
        )
    return business_timeline(events)


def _detail(request, case) -> dict:
    return {
        "parties": masked_parties(request.user, case),
        "officers": case.officers.all(),
        "dues": case_dues(case),
        "events": timeline(case),
        "reviews": case.reviews.all(),
    }


def _may_decide(case, user) -> bool:
    """简易程序 at once; 普通程序 after 告知, and not while the party may still ask for a hearing (the
    service refuses a decision dated inside that window, so the button waits for it to pass)."""
    if case.procedure == Procedure.SIMPLE:
        return allows(DECIDED)(case, user)
    waiting = case.hearing_request_due and not case.hearing_on and today() <= case.hearing_request_due
    return case.status in (NOTIFIED, HEARING) and allows(DECIDED)(case, user) and not waiting


def _may_hear(case, user) -> bool:
    return case.status == NOTIFIED and case.hearing_right


def _may_review_legally(case, user) -> bool:
    return not case.decision_on and not case.is_closed


def _may_publish(case, user) -> bool:
    return bool(case.publicity_due) and not case.published_on


ACTIONS = {
    "investigate": PageAction(
        "调查取证", forms.InvestigateForm, services.investigate,
        initial=on_today("investigated_on"), available=allows(INVESTIGATING),
    ),
    "notify": PageAction(
        "告知", forms.NotifyForm, services.notify, initial=on_today("notified_on"), available=allows(NOTIFIED)
    ),
    "hearing": PageAction("听证", forms.HearingForm, services.hold_hearing, available=_may_hear),
    "legal_review": PageAction(
        "法制审核", forms.LegalReviewForm, services.legal_review,
        initial=current("legal_review_required", "legal_review_on", "review_item"),
        available=_may_review_legally, form_context=True, secondary=True,
    ),
    "decide": PageAction(
        "作出决定", forms.DecideForm, services.decide, initial=on_today("decision_on"), available=_may_decide
    ),
    "serve": PageAction("送达", forms.ServeForm, services.serve, initial=on_today("served_on"), available=allows(SERVED)),
    "publish": PageAction(
        "公示", forms.PublishForm, services.publish, initial=on_today("published_on"), available=_may_publish
    ),
    "execute": PageAction(
        "执行", forms.ExecuteForm, services.execute, initial=on_today("executed_on"), available=allows(EXECUTING)
    ),
    "close": PageAction("结案", forms.CloseForm, services.close, initial=on_today("closed_on"), available=allows(CLOSED)),
    "no_penalty": PageAction(
        "不予处罚", forms.EndForm, services.no_penalty, initial=on_today("on"),
        available=allows(NO_PENALTY), secondary=True,
    ),
    "revoke": PageAction(
        "撤销立案", forms.EndForm, services.revoke, initial=on_today("on"), available=allows(REVOKED), secondary=True
    ),
    "review": PageAction(
        "案卷评查", forms.FileReviewForm, services.review_file,
        initial=on_today("reviewed_on", score=90), secondary=True, api="file_review",
    ),
    "edit": edit_action(
        forms.DetailsForm, services.update_details, services.EDITABLE, available=is_open, form_context=True
    ),
}  # fmt: skip


def _from_inspection(request) -> dict:
    """立案 from an inspection's page (?inspection=<id>): the inspection chosen, its field, objects and
    专项行动 carried over; an id the person does not see is ignored."""
    pk = record_id(request.GET.get("inspection"))
    batch = inspection_queryset(request.user, write=True).filter(pk=pk).first() if pk is not None else None
    if batch is None:
        return {}
    return {
        "inspection": batch.pk,
        "source": "patrol",
        "field": batch.field,
        "object_kind": batch.object_kind,
        "special_action": batch.special_action_id,
    }


PAGES = LedgerPages(
    namespace="enforcement",
    queryset=base_queryset,
    lists=(
        ListPage(
            "行政执法案件台账",
            "enforcement/list.html",
            CASE_FILTERS,
            related=("parties",),
            empty="没有符合条件的案件。",
        ),
    ),
    new=NewPage(
        forms.CaseForm,
        services.file_case,
        "ledger/new.html",
        saved=lambda c: f"已立案：{c.number}，处罚决定期限{c.due_label()}。",
        parties=forms.PartyFormSet,
        party=services.PartyData,
        title="行政执法案件立案",
        initial=_from_inspection,
    ),
    detail_template="enforcement/detail.html",
    detail=_detail,
    has_parties=True,
    actions=ACTIONS,
)

# --- officers and certificates ------------------------------------------------------------------------


def _by_status_then_expiry(request, queryset):
    """The roster's default order: by the card's status, then the soonest to expire (a chosen column
    sorts instead)."""
    return queryset.order_by("status", "expires_on", "pk")


def _certificate_detail(request, certificate) -> dict:
    officer = certificate.officer
    return {
        "officer": officer,
        "cards": officer.certificates.order_by("-issued_on", "-pk"),
        "roster_events": officer.events.select_related("certificate"),
        "trainings": officer.trainings.all(),
        "warning_days": EnforcementSettings.current().certificate_warning_days,
    }


def _this_years_training(certificate, user) -> dict:
    year = today().year
    row = certificate.officer.trainings.filter(year=year).first()
    return {"year": year, "training_hours": row.hours if row else 0}


def _on_duty(certificate, user) -> bool:
    return certificate.officer.status == OfficerStatus.ON_DUTY


CERTIFICATE_ACTIONS = {
    "renew": PageAction(
        "换发执法证", forms.RenewForm, services.renew_certificate,
        initial=lambda c, u: {"issuer": c.issuer, "issued_on": today()}, available=is_open, creates=True,
    ),
    "cancel": PageAction(
        "注销执法证", forms.CertificateEventForm, services.cancel_certificate,
        initial=on_today("on"), available=is_open, secondary=True,
    ),
    "lost": PageAction(
        "遗失公告", forms.CertificateEventForm, services.report_lost,
        initial=on_today("on"), available=is_open, secondary=True,
    ),
    "transfer": PageAction(
        "调离", forms.CertificateEventForm, services.transfer_officer,
        initial=on_today("on"), available=_on_duty, secondary=True,
    ),
    "training": PageAction(
        "登记培训学时", forms.TrainingForm, services.record_training,
        initial=_this_years_training, available=_on_duty, secondary=True,
    ),
    "edit": PageAction(
        "修改证件信息", forms.CertificateForm, services.update_certificate,
        initial=current(*services.CERTIFICATE_EDITABLE), available=is_open, secondary=True,
    ),
}  # fmt: skip

CERTIFICATE_PAGES = LedgerPages(
    namespace="enforcement",
    queryset=certificate_queryset,
    lists=(
        ListPage(
            "执法人员与执法证",
            "enforcement/roster.html",
            CERTIFICATE_FILTERS,
            narrow=_by_status_then_expiry,
            empty="没有符合条件的执法证。",
            context=lambda request: {"warning_days": EnforcementSettings.current().certificate_warning_days},
        ),
    ),
    new=NewPage(
        forms.OfficerForm,
        services.add_officer,
        "ledger/new.html",
        saved=lambda c: f"已登记执法人员{c.officer}，执法证{c.number}有效期至{cn_date(c.expires_on)}。",
        name="officer_new",
        back="roster",
        title="新增执法人员",
    ),
    detail_template="enforcement/certificate.html",
    detail=_certificate_detail,
    actions=CERTIFICATE_ACTIONS,
    prefix="certificates/",
    list_name="roster",
    detail_name="certificate",
    action_name="certificate_action",
)

# --- inspections ----------------------------------------------------------------------------------------


# The inspection list is mounted in its own namespace (enforcement:inspections:list, beside its Excel
# pages), so urls.py mounts it with the kit's list page rather than through INSPECTION_PAGES.urls().
INSPECTION_LIST = ListPage(
    "执法检查台账", "enforcement/inspections.html", INSPECTION_FILTERS, empty="没有符合条件的执法检查。"
)


def _inspection_detail(request, batch) -> dict:
    return {
        "cases": batch.cases.visible_to(request.user).order_by("filed_on", "pk"),
        "may_file": can_write(request.user, batch.org),
    }


def _under_special_action(request) -> dict:
    """登记执法检查 from an action's page (?special_action=<id>): the action, its team and 专项行动 chosen;
    an id the person may not write for is ignored."""
    pk = record_id(request.GET.get("special_action"))
    action = (
        special_action_queryset(request.user, write=True).filter(pk=pk).first() if pk is not None else None
    )
    if action is None:
        return {}
    return {"special_action": action.pk, "org": action.org_id, "action": "special"}


INSPECTION_ACTIONS = {
    "edit": edit_action(
        forms.InspectionEditForm, services.update_inspection, services.INSPECTION_EDITABLE, form_context=True
    ),
}

INSPECTION_PAGES = LedgerPages(
    namespace="enforcement",
    queryset=inspection_queryset,
    new=NewPage(
        forms.InspectionForm,
        services.record_inspection,
        "ledger/new.html",
        saved=lambda b: f"已登记执法检查：{b}，检查{b.objects_checked}个对象。",
        name="inspection_new",
        back="inspections:list",
        title="登记执法检查",
        initial=_under_special_action,
    ),
    detail_template="enforcement/inspection.html",
    detail=_inspection_detail,
    actions=INSPECTION_ACTIONS,
    prefix="inspections/",
    detail_name="inspection",
    action_name="inspection_action",
)

# --- special actions (专项行动) ------------------------------------------------------------------------


def _special_action_detail(request, action) -> dict:
    """The action's inspections and cases (those naming it, or opened from its inspections) as the person
    sees them, and their totals; 立案 is the cases in the ledger plus the inspections' cases filed outside it."""
    inspections = inspection_queryset(request.user).filter(special_action=action).order_by("held_on", "pk")
    cases = (
        base_queryset(request.user)
        .filter(Q(special_action=action) | Q(inspection__special_action=action))
        .distinct()
        .order_by("filed_on", "pk")
    )
    sums = inspections.aggregate(
        objects=Sum("objects_checked"),
        found=Sum("hazards_found"),
        rectified=Sum("hazards_rectified"),
        outside=Sum("cases_filed_outside"),
    )
    in_ledger = cases.exclude(status=REVOKED).count()
    totals = {key: value or 0 for key, value in sums.items()}
    return {
        "inspections": inspections,
        "cases": cases,
        "totals": totals | {"inspections": len(inspections), "in_ledger": in_ledger},
        "cases_filed": in_ledger + totals["outside"],
        "may_record": can_write(request.user, action.org),
    }


SPECIAL_ACTION_ACTIONS = {
    "edit": edit_action(
        forms.SpecialActionEditForm, services.update_special_action, services.SPECIAL_ACTION_EDITABLE
    ),
}

SPECIAL_ACTION_PAGES = LedgerPages(
    namespace="enforcement",
    queryset=special_action_queryset,
    lists=(
        ListPage(
            "专项行动",
            "enforcement/special_actions.html",
            SPECIAL_ACTION_FILTERS,
            empty="没有符合条件的专项行动。",
        ),
    ),
    new=NewPage(
        forms.SpecialActionForm,
        services.record_special_action,
        "ledger/new.html",
        saved=lambda a: f"已登记专项行动：{a}（{a.period_text}）。",
        name="special_action_new",
        back="special_actions",
        title="登记专项行动",
    ),
    detail_template="enforcement/special_action.html",
    detail=_special_action_detail,
    actions=SPECIAL_ACTION_ACTIONS,
    prefix="actions/",
    list_name="special_actions",
    detail_name="special_action",
    action_name="special_action_action",
)
