"""专项行动 as a reference list: registered, audited and scoped like the team's other records; cases and
inspections pick one of their own team's (by id on the pages and in the API, by name in Excel); its page
adds up its inspections and cases. And an inspection's 立案: its linked cases plus those filed outside the
ledger, the same number on every page, in the API, the export and the figures."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.audit.models import Action, AuditEntry
from fazhi.enforcement import services
from fazhi.enforcement.forms import CaseForm, InspectionForm
from fazhi.enforcement.importing import import_cases, import_inspections
from fazhi.enforcement.models import EnforcementCase, InspectionBatch, SpecialAction, with_cases_filed
from fazhi.errors import FazhiError
from fazhi.figures import registry
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import PASSWORD, TODAY, make_org
from tests.enforcement.enforcement_fixtures import add_team, file_case, special_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = datetime.timedelta(days=1)


def inspect(actor, team, **over):
    fields = dict(
        held_on=TODAY - 5 * DAY, action="special", field="dust", object_kind="vehicle", objects_checked=100,
        hazards_found=6, hazards_rectified=4,
    ) | over  # fmt: skip
    return services.record_inspection(actor, org=team, **fields)


def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def other_team(tree, person):
    team = add_team(tree, "b")
    return team, person("zf_b", "enforcement", team)


# --- the record ------------------------------------------------------------------------------------------


def test_an_action_is_registered_audited_and_its_name_is_unique_within_the_team(
    officer_user, team, other_team
):
    action = special_action(officer_user, team, "百日攻坚", ends_on=TODAY + 60 * DAY)  # planned ahead
    entry = AuditEntry.objects.get(action=Action.CREATE, target_type="enforcement.specialaction")
    assert entry.target_id == str(action.pk) and entry.changes["name"] == [None, "百日攻坚"]

    with pytest.raises(FazhiError) as refused:
        services.record_special_action(officer_user, org=team, name=" 百日攻坚 ", starts_on=TODAY)
    assert (
        "本单位已有名为“百日攻坚”的专项行动" in refused.value.message and "注明年份" in refused.value.message
    )
    with pytest.raises(FazhiError) as refused:
        services.record_special_action(
            officer_user, org=team, name="扬尘整治", starts_on=TODAY, ends_on=TODAY - DAY
        )
    assert refused.value.fields == {"ends_on": "不能早于开始日期"}
    # another team may use the same name
    b_team, b_officer = other_team
    assert special_action(b_officer, b_team, "百日攻坚").org == b_team

    edited = services.update_special_action(officer_user, action, action.version, joint_departments="交警")
    assert edited.version == action.version + 1 and edited.joint_departments == "交警"
    with pytest.raises(FazhiError):  # someone saved it since
        services.update_special_action(officer_user, action, action.version, goal="旧版本上的修改")


def test_records_name_only_their_own_teams_actions(officer_user, team, officers, other_team):
    b_team, b_officer = other_team
    theirs = special_action(b_officer, b_team, "乙队整治")
    with pytest.raises(FazhiError) as refused:
        file_case(officer_user, team, officers, special_action=theirs)
    assert refused.value.fields == {"special_action": "请选择您可查看的专项行动"}
    with pytest.raises(FazhiError):
        inspect(officer_user, team, special_action=theirs)
    assert not EnforcementCase.objects.exists() and not InspectionBatch.objects.exists()

    ours = special_action(officer_user, team, "甲队整治")
    batch = inspect(officer_user, team, special_action=ours)
    with pytest.raises(FazhiError) as refused:
        services.update_inspection(officer_user, batch, batch.version, special_action=theirs)
    assert refused.value.fields["special_action"] == "请选择您可查看的专项行动"


def test_a_person_of_two_teams_cannot_cross_them(tree, person, team, officer_user, officers):
    """The 党政办 writes for both teams of its 街道: it sees the other team's action, and is still refused."""
    second = make_org("a-zf2", Kind.ENFORCEMENT_TEAM, tree["a"], "甲街道第二执法中队", "甲二")
    office = person("office_a", "office", tree["a"])
    theirs = special_action(office, second, "二中队整治")
    with pytest.raises(FazhiError) as refused:
        file_case(office, team, officers, special_action=theirs)
    assert refused.value.fields == {"special_action": "须为本单位的专项行动"}
    assert "不属于甲街道综合执法队" in refused.value.message


def test_forms_offer_the_persons_actions_running_ones_first(officer_user, team, other_team):
    b_team, b_officer = other_team
    special_action(b_officer, b_team, "乙队行动", starts_on=TODAY - 3 * DAY)
    ended = special_action(officer_user, team, "已结束", starts_on=TODAY - 90 * DAY, ends_on=TODAY - 60 * DAY)
    later = special_action(officer_user, team, "下月开始", starts_on=TODAY + 30 * DAY)
    running = special_action(officer_user, team, "进行中", starts_on=TODAY - 100 * DAY)
    for form in (CaseForm(user=officer_user), InspectionForm(user=officer_user)):
        offered = list(form.fields["special_action"].queryset)
        assert offered == [running, later, ended]
        assert "进行中（" in form.fields["special_action"].label_from_instance(running)


def test_pages_and_api_of_an_action_keep_to_the_team(client, officer_user, team, other_team):
    b_team, b_officer = other_team
    theirs = special_action(b_officer, b_team, "乙队整治")
    client.login(username=officer_user.username, password=PASSWORD)
    created = client.post(
        "/enforcement/actions/new/",
        {"org": team.pk, "name": "夜间施工整治", "kind": "rectification", "starts_on": TODAY.isoformat()},
    )
    assert created.status_code == 302
    ours = SpecialAction.objects.get(name="夜间施工整治")
    listing = client.get("/enforcement/actions/").content.decode()
    assert "夜间施工整治" in listing and "乙队整治" not in listing
    assert client.get(f"/enforcement/actions/{theirs.pk}/").status_code == 404
    # the 专项行动 filter of the case list names only the person's actions
    cases_page = client.get("/enforcement/").content.decode()
    assert "夜间施工整治" in cases_page and "乙队整治" not in cases_page

    api = api_for(officer_user)
    names = [row["name"] for row in api.get("/api/enforcement-special-actions/").json()["results"]]
    assert names == ["夜间施工整治"]
    assert api.get(f"/api/enforcement-special-actions/{theirs.pk}/").status_code == 404
    posted = api.post(
        "/api/enforcement-inspections/",
        {"org": team.code, "held_on": TODAY.isoformat(), "action": "special", "special_action": ours.pk,
         "field": "dust", "object_kind": "site", "objects_checked": 3},
        format="json",
    )  # fmt: skip
    assert posted.status_code == 201, posted.content.decode()
    assert (
        posted.json()["special_action"] == ours.pk and posted.json()["special_action_name"] == "夜间施工整治"
    )
    refused = api.post(
        "/api/enforcement-inspections/",
        {"org": team.code, "held_on": TODAY.isoformat(), "special_action": theirs.pk, "field": "dust",
         "object_kind": "site", "objects_checked": 3},
        format="json",
    )  # fmt: skip
    assert refused.status_code == 400 and "special_action" in refused.json()["error"]["fields"]


# --- Excel: the action by its name ---------------------------------------------------------------------


def test_an_unknown_action_name_writes_nothing_and_names_the_cell(officer_user, team, officers):
    action = special_action(officer_user, team, "百日攻坚")
    good = {
        "_row": 2, "held_on": TODAY - 3 * DAY, "org": team.code, "action": "special", "special_action": "百日攻坚",
        "field": "dust", "object_kind": "vehicle", "objects_checked": 50, "cases_filed": 2,
    }  # fmt: skip
    result = import_inspections(officer_user, [good, good | {"_row": 3, "special_action": "百日攻艰"}])
    assert [(e.row, e.column) for e in result.errors] == [(3, "专项行动名称")]
    assert (
        "没有名为“百日攻艰”的专项行动" in result.errors[0].message
        and "请先在“专项行动”中登记" in result.errors[0].message
    )
    assert not InspectionBatch.objects.exists()

    case_row = {
        "_row": 2, "filed_on": TODAY - 3 * DAY, "procedure": "ordinary", "source": "patrol", "field": "dust",
        "org": team.code, "officers": "沈一、韩二", "party": "某运输公司", "summary": "未密闭运输",
        "special_action": "夏季整治",
    }  # fmt: skip
    result = import_cases(officer_user, [case_row])
    assert [(e.row, e.column) for e in result.errors] == [(2, "专项行动")]
    assert not EnforcementCase.objects.exists()

    assert import_inspections(officer_user, [good]).ok
    assert import_cases(officer_user, [case_row | {"special_action": "百日攻坚"}]).ok
    batch, case = InspectionBatch.objects.get(), EnforcementCase.objects.get()
    assert batch.special_action == case.special_action == action
    assert batch.cases_filed_outside == 2  # an imported inspection has no linked case yet


# --- an inspection's 立案 -----------------------------------------------------------------------------


def test_cases_filed_is_the_linked_cases_plus_those_filed_outside_the_ledger(
    client, officer_user, team, officers
):
    action = special_action(officer_user, team)
    batch = inspect(officer_user, team, special_action=action, cases_filed_outside=2)
    for _ in range(3):
        file_case(officer_user, team, officers, inspection=batch, special_action=action)
    revoked = file_case(officer_user, team, officers, inspection=batch)
    services.revoke(officer_user, revoked, revoked.version, on=TODAY, reason="不属本队管辖")
    other = inspect(officer_user, team, held_on=TODAY - 40 * DAY, cases_filed_outside=1)

    rows = dict(with_cases_filed(InspectionBatch.objects.all()).values_list("pk", "cases_filed"))
    assert rows == {batch.pk: 5, other.pk: 1}  # 3 linked (the revoked one left out) + 2 typed; 1 typed

    client.login(username=officer_user.username, password=PASSWORD)
    page = client.get(f"/enforcement/inspections/{batch.pk}/").content.decode()
    assert "5 宗（本系统关联案件 3 宗，台账外立案 2 宗）" in page
    listing = client.get("/enforcement/inspections/?ordering=-cases_filed").content.decode()
    assert listing.index(f"/enforcement/inspections/{batch.pk}/") < listing.index(
        f"/enforcement/inspections/{other.pk}/"
    )
    api = api_for(officer_user).get(f"/api/enforcement-inspections/{batch.pk}/").json()
    assert (api["cases_filed"], api["cases_filed_outside"]) == (5, 2)
    listed = api_for(officer_user).get("/api/enforcement-inspections/").json()["results"]
    assert {row["id"]: row["cases_filed"] for row in listed} == {batch.pk: 5, other.pk: 1}

    exported = client.get("/enforcement/inspections/excel/export/")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = header.index("立案")
    assert sorted(row[column] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]) == [1, 5]

    orgs = Organisation.objects.filter(pk=team.pk)
    start = datetime.date(TODAY.year, 1, 1) if (TODAY - 40 * DAY).year == TODAY.year else TODAY - 60 * DAY
    figure = registry.get("enforcement.inspections.cases_filed").compute(orgs, start, TODAY)
    assert figure == 6


def test_special_action_page_adds_up_its_inspections_and_cases(client, officer_user, team, officers):
    action = special_action(officer_user, team)
    first = inspect(officer_user, team, special_action=action, objects_checked=120, hazards_found=8,
                    hazards_rectified=5, cases_filed_outside=1)  # fmt: skip
    inspect(
        officer_user, team, special_action=action, objects_checked=30, hazards_found=2, hazards_rectified=2
    )
    inspect(officer_user, team, objects_checked=999)  # not under the action
    file_case(officer_user, team, officers, inspection=first)  # from its inspection, not naming it
    file_case(officer_user, team, officers, special_action=action)
    file_case(officer_user, team, officers)  # another case

    client.login(username=officer_user.username, password=PASSWORD)
    page = client.get(f"/enforcement/actions/{action.pk}/")
    assert page.status_code == 200
    totals = page.context["totals"]
    assert (totals["inspections"], totals["objects"], totals["found"], totals["rectified"]) == (2, 150, 10, 7)
    assert page.context["cases_filed"] == 3 and len(page.context["cases"]) == 2
    body = page.content.decode()
    assert "150 个" in body and "3 宗（本系统案件 2 宗，检查中台账外立案 1 宗" in body


def test_special_actions_figure_counts_actions_running_in_the_period(officer_user, team, other_team):
    year = TODAY.year
    special_action(officer_user, team, "去年跨年", starts_on=datetime.date(year - 1, 12, 1),
                   ends_on=datetime.date(year, 1, 20))  # fmt: skip
    special_action(officer_user, team, "去年", starts_on=datetime.date(year - 1, 3, 1),
                   ends_on=datetime.date(year - 1, 5, 1))  # fmt: skip
    special_action(officer_user, team, "今年", starts_on=datetime.date(year, 2, 1))
    b_team, b_officer = other_team
    special_action(b_officer, b_team, "乙队", starts_on=datetime.date(year, 2, 1))
    figure = registry.get("enforcement.special_actions")
    orgs = Organisation.objects.filter(pk=team.pk)
    assert figure.compute(orgs, datetime.date(year, 1, 1), datetime.date(year, 12, 31)) == 2
    assert figure.compute(orgs, datetime.date(year - 1, 1, 1), datetime.date(year - 1, 12, 31)) == 2


def test_cases_and_inspections_filter_by_action(officer_user, team, officers):
    action = special_action(officer_user, team)
    inspect(officer_user, team, special_action=action)
    inspect(officer_user, team)
    named = file_case(officer_user, team, officers, special_action=action)
    file_case(officer_user, team, officers)
    api = api_for(officer_user)
    cases = api.get(f"/api/enforcement-cases/?special_action={action.pk}").json()["results"]
    assert [c["number"] for c in cases] == [named.number]
    batches = api.get(f"/api/enforcement-inspections/?special_action={action.pk}").json()["results"]
    assert len(batches) == 1 and batches[0]["special_action_name"] == "百日攻坚"


def test_actions_import_from_excel_all_or_nothing(client, officer_user, team, tree):
    from fazhi.enforcement.importing import import_special_actions

    special_action(officer_user, team, "百日攻坚")
    row = {
        "_row": 2,
        "name": "夜查整治",
        "org": team.code,
        "starts_on": TODAY - 9 * DAY,
        "kind": "rectification",
    }
    rows = [
        row,
        row | {"_row": 3},  # the same name twice in the file
        row | {"_row": 4, "name": "百日攻坚"},  # already registered
        row | {"_row": 5, "name": "跨年行动", "ends_on": TODAY - 10 * DAY},
        row | {"_row": 6, "name": "街道牵头", "org": "a"},  # not an enforcement team
    ]
    result = import_special_actions(officer_user, rows)
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "行动名称"), (4, "行动名称"), (5, "结束日期"), (6, "牵头执法队"),
    ]  # fmt: skip
    assert "与第2行同名" in result.errors[0].message
    assert SpecialAction.objects.count() == 1
    assert import_special_actions(officer_user, [row, row | {"_row": 3, "name": "扬尘整治"}]).ok
    assert set(SpecialAction.objects.values_list("name", flat=True)) == {"百日攻坚", "夜查整治", "扬尘整治"}
    assert (
        AuditEntry.objects.filter(action=Action.IMPORT, target_type="enforcement.specialaction").count() == 1
    )

    client.login(username=officer_user.username, password=PASSWORD)
    assert client.get("/enforcement/actions/excel/template/").status_code == 200
    exported = client.get("/enforcement/actions/excel/export/")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    names = [r[1] for r in sheet.iter_rows(min_row=2, values_only=True) if r[1]]
    assert sorted(names) == ["夜查整治", "扬尘整治", "百日攻坚"]
