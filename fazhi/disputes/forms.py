"""Forms of the dispute pages. They only convert input; the services decide what is allowed."""

from django import forms

from fazhi.ledger.forms import (
    DATE,
    ScopedForm,
    UnitChoiceField,
    UnitsField,
    VersionForm,
    model_form,
    party_formset,
    show_by_choice,
)
from fazhi.ledger.holders import holder_units
from fazhi.orgs.scoping import visible_orgs

from .models import (
    ConfirmationResult,
    Dispute,
    DisputeType,
    Party,
    PartyKind,
    PartyRole,
    Session,
)
from .services import FAILURE_FIELDS, SUCCESS_FIELDS

# What registering and editing a dispute share.
_Details = model_form(
    Dispute,
    *("received_on", "channel", "external_number", "dispute_type", "summary", "handler", "persons_involved"),
    "amount_involved",
    base=forms.Form,
    rows={"summary": 3},
    dispute_type={"queryset": DisputeType.objects.filter(active=True), "empty_label": "请选择"},
)


class DetailsForm(VersionForm, _Details):
    pass


class IntakeForm(ScopedForm, _Details):
    field_order = ["org"]
    org = UnitChoiceField(label="承办单位")  # the mediation units (ledger.py)
    assisting_units = UnitsField(
        "参与化解单位", role="assisting", help_text="警民联调工作室、心理服务、律师等参与化解的单位"
    )
    starts_today = ("received_on",)
    preferred_kind = "street_committee"  # for a street's office, the 街道调委会 that takes most cases


_PARTY_LABELS = {"role": "地位", "address": "住所"}
PartyForm = model_form(
    Party, "role", "kind", "name", "id_number", "phone", "address", base=forms.Form, labels=_PARTY_LABELS
)


# One applicant and one respondent row, and a spare one; the service requires an applicant.
PartyFormSet = party_formset(
    PartyForm,
    [
        {"role": PartyRole.APPLICANT, "kind": PartyKind.PERSON},
        {"role": PartyRole.RESPONDENT, "kind": PartyKind.PERSON},
        {"role": PartyRole.APPLICANT, "kind": PartyKind.PERSON},
    ],
)


class DispatchForm(ScopedForm, VersionForm):
    to_org = UnitChoiceField(label="分派至", empty_label="请选择承办单位")  # the other mediation units
    note = forms.CharField(label="分派说明", required=False, max_length=300)


def dispatch_targets(user, dispute):
    """Units the person may hand the dispute to: dispatching needs the right to write the target too."""
    return holder_units(Dispute, visible_orgs(user, write=True)).exclude(pk=dispute.org_id)


SessionForm = model_form(Session, "held_on", "place", "mediators", "participants", "notes", rows={"notes": 4})


_CONCLUDE_LABELS = {"reason": "调解不成原因"}


class ConcludeForm(
    model_form(
        Dispute,
        *("concluded_on", "agreement_text", "amount_agreed", "amount_recovered", "performance_method"),
        *("performance_due", "referred_to", "reason:close_reason"),
        labels=_CONCLUDE_LABELS,
        rows={"agreement_text": 4},
        required=("concluded_on",),
    )
):
    field_order = ["outcome"]
    outcome = forms.ChoiceField(
        label="调解结果", choices=[("success", "调解成功"), ("failure", "调解不成")], widget=forms.RadioSelect
    )


# Each outcome's own fields (the ones its service reads): choosing 调解不成 hides the agreement.
show_by_choice(ConcludeForm, "outcome", {"success": SUCCESS_FIELDS, "failure": FAILURE_FIELDS})


class AcceptForm(VersionForm):
    """接收: the unit the dispute was dispatched to takes it up (no field beyond the version)."""


class ReturnForm(VersionForm):
    reason = forms.CharField(label="退回理由", max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawForm(VersionForm):
    concluded_on = forms.DateField(label="撤回日期", widget=DATE)
    reason = forms.CharField(label="撤回原因", widget=forms.Textarea(attrs={"rows": 2}))


class ConfirmationForm(VersionForm):
    applied_on = forms.DateField(label="申请日期", widget=DATE)
    court = forms.CharField(label="受理法院", max_length=100)
    result = forms.ChoiceField(
        label="结果", choices=ConfirmationResult.choices, initial=ConfirmationResult.PENDING
    )


VisitForm = model_form(
    Dispute, "visited_on", "satisfaction", "note:visit_note", required=("visited_on", "satisfaction")
)
