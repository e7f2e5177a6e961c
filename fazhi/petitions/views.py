"""Pages of the petitions ledger: petitions (the main namespace), citizen demands (``petitions:demands``)
and 居民议事会 (``petitions:councils``). Every queryset starts from ``Model.objects.visible_to(user)``."""

from fazhi.ledger.pages import (
    LedgerPages,
    ListPage,
    NewPage,
    PageAction,
    allows,
    current,
    edit_action,
    in_status,
    on_today,
)
from fazhi.ledger.parties import masked_parties

from . import forms, services
from .filters import (
    COUNCIL_FILTERS,
    DEMAND_FILTERS,
    PETITION_FILTERS,
    council_queryset,
    demand_queryset,
    petition_queryset,
)
from .history import related_matters
from .models import (
    ACCEPTED,
    ANSWERED,
    HANDLED,
    REEXAMINED,
    REEXAMINING,
    REVIEWED,
    REVIEWING,
)
from .timeline import council_timeline, demand_timeline, timeline


def _detail(request, petition) -> dict:
    return {
        "parties": masked_parties(request.user, petition),
        "events": timeline(petition),
        "stages": petition.stages(),
        "related": related_matters(request.user, petition),
        "nav": "petitions",
    }


def _may_extend(petition, user) -> bool:
    return petition.status == ACCEPTED and not petition.extension_days


def _may_evaluate(petition, user) -> bool:
    return petition.status in (ANSWERED, REVIEWING, REVIEWED, REEXAMINING, REEXAMINED)


def _may_hand_to_mediation(petition, user) -> bool:
    return petition.dispute_id is None and forms.mediation_units(user).exists()


ACTIONS = {
    "acceptance": PageAction(
        "受理告知",
        forms.AcceptanceForm,
        services.decide_acceptance,
        initial=on_today("decided_on", decision="accept"),
        available=allows(ACCEPTED),
    ),
    "extend": PageAction(
        "延期办理",
        forms.ExtensionForm,
        services.extend_handling,
        initial=on_today("told_on"),
        available=_may_extend,
        secondary=True,
    ),
    "opinion": PageAction(
        "出具处理意见书",
        forms.OpinionForm,
        services.issue_opinion,
        initial=on_today("opinion_on", result="support"),
        available=allows(ANSWERED),
    ),
    "review_request": PageAction(
        "登记复查请求",
        forms.RequestForm,
        services.request_review,
        initial=on_today("requested_on"),
        available=allows(REVIEWING),
        secondary=True,
    ),
    "review": PageAction(
        "登记复查意见",
        forms.ReviewForm,
        services.conclude_review,
        initial=on_today("reviewed_on", result="uphold"),
        available=allows(REVIEWED),
    ),
    "reexamination_request": PageAction(
        "登记复核请求",
        forms.RequestForm,
        services.request_reexamination,
        initial=on_today("requested_on"),
        available=allows(REEXAMINING),
        secondary=True,
    ),
    "hearing": PageAction(
        "登记复核听证",
        forms.HearingForm,
        services.record_hearing,
        available=in_status(REEXAMINING),
        secondary=True,
    ),
    "reexamination": PageAction(
        "登记复核意见",
        forms.ReexaminationForm,
        services.conclude_reexamination,
        initial=on_today("reexamined_on", result="uphold"),
        available=allows(REEXAMINED),
    ),
    "evaluation": PageAction(
        "登记信访人评价",
        forms.SatisfactionForm,
        services.record_satisfaction,
        initial=on_today("evaluated_on", satisfaction="satisfied"),
        available=_may_evaluate,
        secondary=True,
    ),
    "to_dispute": PageAction(
        "转为矛盾纠纷调解",
        forms.ToDisputeForm,
        services.to_dispute,
        available=_may_hand_to_mediation,
        form_context=True,
        secondary=True,
    ),
    "edit": edit_action(forms.DetailsForm, services.update_details, services.EDITABLE),
}

PAGES = LedgerPages(
    namespace="petitions",
    queryset=petition_queryset,
    lists=(
        ListPage(
            "信访事项台账",
            "petitions/list.html",
            PETITION_FILTERS,
            related=("parties",),
            empty="没有符合条件的信访事项。",
        ),
    ),
    new=NewPage(
        forms.RegisterForm,
        services.register,
        "petitions/register.html",
        saved=lambda p: f"已登记：{p.number}，应于{p.due_label()}前书面告知是否受理。",
        parties=forms.PetitionerFormSet,
        party=services.PartyData,
    ),
    detail_template="petitions/detail.html",
    detail=_detail,
    has_parties=True,
    actions=ACTIONS,
)


# --- citizen demands ---------------------------------------------------------------------------------


DEMAND_ACTIONS = {
    "handle": PageAction(
        "办结",
        forms.HandleDemandForm,
        services.handle_demand,
        initial=on_today("handled_on", resolved=True),
        available=allows(HANDLED),
    ),
    "edit": edit_action(forms.DemandDetailsForm, services.update_demand, services.DEMAND_EDITABLE),
}

DEMAND_PAGES = LedgerPages(
    namespace="petitions:demands",
    queryset=demand_queryset,
    lists=(
        ListPage("民意诉求台账", "petitions/demands.html", DEMAND_FILTERS, empty="没有符合条件的民意诉求。"),
    ),
    new=NewPage(
        forms.DemandForm,
        services.register_demand,
        "ledger/new.html",
        saved=lambda d: f"已登记：{d.number}。",
        title="登记民意诉求",
    ),
    detail_template="petitions/demand.html",
    detail=lambda request, demand: {"nav": "demands", "events": demand_timeline(demand)},
    actions=DEMAND_ACTIONS,
)


# --- 居民议事会 ---------------------------------------------------------------------------------------


COUNCIL_ACTIONS = {
    "edit": PageAction(
        "修改",
        forms.CouncilDetailsForm,
        services.update_council,
        initial=current(*services.COUNCIL_EDITABLE),
        secondary=True,
    )
}

COUNCIL_PAGES = LedgerPages(
    namespace="petitions:councils",
    queryset=council_queryset,
    lists=(
        ListPage(
            "居民议事会台账",
            "petitions/councils.html",
            COUNCIL_FILTERS,
            empty="没有符合条件的居民议事会记录。",
        ),
    ),
    new=NewPage(
        forms.CouncilForm,
        services.record_council,
        "ledger/new.html",
        saved=lambda c: f"已登记：{c.number}。",
        title="登记居民议事会",
    ),
    detail_template="petitions/council.html",
    detail=lambda request, council: {"nav": "councils", "events": council_timeline(council)},
    actions=COUNCIL_ACTIONS,
)
