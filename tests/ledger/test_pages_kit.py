"""The ledger kit (fazhi.ledger.pages, .api, .inputs, the deadline tag), shown on the dispute ledger,
which declares its pages and API only through it."""

import datetime

import pytest
from django import forms
from django.template import Context, Template
from rest_framework.test import APIClient

from fazhi.disputes import services
from fazhi.disputes.views import ACTIONS
from fazhi.ledger.inputs import input_serializer
from fazhi.orgs.models import Organisation
from tests.conftest import PASSWORD
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def mediator(tree, person):
    return person("med_a", "handler", tree["a-tw"], full_name="李调解")


def _web(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def _api(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_buttons_follow_availability_and_an_unavailable_action_is_refused(client, tree, mediator):
    dispute = new_dispute(mediator, tree["a-tw"])
    web = _web(client, mediator)
    page = web.get(f"/disputes/{dispute.pk}/").content.decode()
    assert f"/disputes/{dispute.pk}/session/" in page and "登记调解记录" in page
    assert f"/disputes/{dispute.pk}/visit/" not in page  # 回访 only once the dispute is closed

    refused = web.get(f"/disputes/{dispute.pk}/visit/")
    text = refused.content.decode()
    assert refused.status_code == 409 and "不能回访" in text and "<form" not in text.split("<main>")[1]

    answer = _api(mediator).post(
        f"/api/disputes/{dispute.pk}/visit/",
        {"version": dispute.version, "visited_on": TODAY, "satisfaction": "satisfied"},
        format="json",
    )
    error = answer.json()["error"]
    assert (
        answer.status_code == 409
        and error["code"] == "transition_not_allowed"
        and "不能回访" in error["message"]
    )


def test_after_closing_the_buttons_change(client, tree, mediator):
    dispute = new_dispute(mediator, tree["a-tw"])
    dispute = services.withdraw(mediator, dispute, dispute.version, concluded_on=TODAY, reason="当事人撤回")
    page = _web(client, mediator).get(f"/disputes/{dispute.pk}/").content.decode()
    assert f"/disputes/{dispute.pk}/visit/" in page
    assert f"/disputes/{dispute.pk}/session/" not in page and f"/disputes/{dispute.pk}/withdraw/" not in page
    assert ACTIONS["visit"].available(dispute, mediator) and not ACTIONS["session"].available(
        dispute, mediator
    )


def test_a_reader_finds_no_action_page_and_no_buttons(client, tree, mediator, person):
    dispute = new_dispute(mediator, tree["a-tw"])
    reviewer = person("rev", "district_reviewer", tree["district"])
    web = _web(client, reviewer)
    page = web.get(f"/disputes/{dispute.pk}/")
    assert page.status_code == 200 and f"/disputes/{dispute.pk}/session/" not in page.content.decode()
    assert web.get(f"/disputes/{dispute.pk}/session/").status_code == 404
    assert web.post(f"/disputes/{dispute.pk}/session/", {"version": 1}).status_code == 404
    assert web.get(f"/disputes/{dispute.pk}/no-such-action/").status_code == 404


def test_a_form_error_keeps_the_input_and_a_service_refusal_is_shown_on_the_form(client, tree, mediator):
    dispute = new_dispute(mediator, tree["a-tw"])
    web = _web(client, mediator)
    url = f"/disputes/{dispute.pk}/session/"
    missing = web.post(
        url, {"version": dispute.version, "held_on": TODAY, "place": "三楼调解室", "mediators": "李"}
    )
    body = missing.content.decode()
    assert missing.status_code == 200 and 'value="三楼调解室"' in body and "field-error" in body

    early = TODAY - datetime.timedelta(days=400)
    form = {
        "version": dispute.version,
        "held_on": early,
        "place": "二楼",
        "mediators": "李",
        "notes": "调解一次",
    }
    refused = web.post(url, form).content.decode()
    assert "不能早于受理日期" in refused and 'value="二楼"' in refused
    dispute.refresh_from_db()
    assert dispute.version == 1 and not dispute.sessions.exists()

    saved = web.post(url, form | {"held_on": TODAY})
    assert saved.status_code == 302 and saved.url == f"/disputes/{dispute.pk}/"


def test_the_api_input_is_made_from_the_form(tree):
    class Sample(forms.Form):
        version = forms.IntegerField(widget=forms.HiddenInput)
        unit = forms.ModelChoiceField(queryset=Organisation.objects.none())
        day = forms.DateField()
        note = forms.CharField(required=False, max_length=5)
        result = forms.ChoiceField(choices=[("", "—"), ("yes", "是"), ("no", "否")], initial="yes")
        issued = forms.BooleanField(required=False, initial=True)

    serializer = input_serializer(Sample, "SampleInput")(data={"version": 2, "day": "2026-01-05"})
    assert not serializer.is_valid() and set(serializer.errors) == {"unit"}
    make = input_serializer(Sample, "SampleInput")
    unknown = make(data={"version": 2, "day": "2026-01-05", "unit": "nowhere"})
    assert not unknown.is_valid() and "没有代码为“nowhere”的单位" in str(unknown.errors["unit"])
    complete = make(data={"version": 2, "day": "2026-01-05", "unit": "a"})
    assert complete.is_valid(), complete.errors
    data = complete.validated_data
    assert (
        data["result"] == "yes" and data["note"] == "" and data["issued"] is True and data["unit"].code == "a"
    )
    partial = input_serializer(Sample, "SamplePatch", partial=True)(data={"version": 3, "note": ""})
    assert partial.is_valid() and dict(partial.validated_data) == {"version": 3, "note": ""}
    too_long = input_serializer(Sample, "SamplePatch", partial=True)(
        data={"version": 3, "note": "太长的说明文字"}
    )
    bad_choice = input_serializer(Sample, "SamplePatch", partial=True)(data={"version": 3, "result": "maybe"})
    assert not too_long.is_valid() and not bad_choice.is_valid()

    class WithFile(forms.Form):
        scan = forms.FileField()

    with pytest.raises(TypeError, match="scan"):
        input_serializer(WithFile, "WithFileInput")


def _mediating(mediator, org):
    dispute = new_dispute(mediator, org)
    return services.add_session(
        mediator, dispute, dispute.version, held_on=TODAY, place="调解室", mediators="李", notes="调解"
    )


def test_the_defaults_of_the_api_come_from_the_form(tree, mediator):
    dispute = _mediating(mediator, tree["a-tw"])
    services.conclude(
        mediator, dispute, dispute.version, outcome="success", concluded_on=TODAY, agreement_text="赔偿"
    )
    dispute.refresh_from_db()
    answer = _api(mediator).post(
        f"/api/disputes/{dispute.pk}/confirmation/",
        {"version": dispute.version, "applied_on": TODAY, "court": "测试区人民法院"},
        format="json",
    )
    assert answer.status_code == 200 and answer.json()["confirmation_result"] == "pending"


def test_conclude_branches_on_the_outcome_in_the_service(tree, mediator):
    dispute = _mediating(mediator, tree["a-tw"])
    failed = services.conclude(
        mediator,
        dispute,
        dispute.version,
        outcome="failure",
        concluded_on=TODAY,
        agreement_text="不会保存",
        referred_to="litigation",
        reason="分歧过大",
    )
    assert failed.status == "failed" and failed.agreement_text == "" and failed.close_reason == "分歧过大"
    with pytest.raises(Exception, match="请选择调解结果"):
        services.conclude(mediator, failed, failed.version, outcome="", concluded_on=TODAY)


def _deadline(record, **options) -> str:
    args = " ".join(f"{key}={key}" for key in options)
    template = Template("{% load ledger_tags %}{% deadline record " + args + " %}")
    return template.render(Context({"record": record, **options})).strip()


def test_the_deadline_tag_draws_the_date_and_the_engine_flag(tree, mediator):
    dispute = new_dispute(mediator, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=200))
    drawn = _deadline(dispute)
    assert f"{dispute.due_date.year}年" in drawn and "已超期" in drawn
    assert _deadline(dispute, due=None, empty="无期限") == "无期限"
    assert "已超期" not in _deadline(dispute, flag=False) and f"{dispute.due_date.year}年" in _deadline(
        dispute, flag=False
    )
    services.withdraw(mediator, dispute, dispute.version, concluded_on=TODAY, reason="撤回")
    dispute.refresh_from_db()
    assert "已超期" not in _deadline(dispute) and f"{dispute.due_date.year}年" in _deadline(dispute)
    assert _deadline(dispute, open_only=True) == "—"
