"""一社区一法律顾问 and 民主法治示范社区: the registers, their phone as personal data, the Excel lists (all or
nothing, every bad cell named), the figures held at the period's end, and another 街道's user seeing nothing."""

import datetime
import io

import pytest
from django.db import connection

from fazhi.audit.models import Action, AuditEntry
from fazhi.errors import FazhiError
from fazhi.figures import registry
from fazhi.learning import services
from fazhi.learning.columns import adviser_sheet, honour_sheet
from fazhi.learning.importing import import_advisers
from fazhi.learning.models import AdviserAssignment, ModelCommunity
from fazhi.ledger.excel import export, parse
from fazhi.orgs.models import Kind, Organisation
from tests.conftest import TODAY, make_org

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

PHONE = "13812345678"


def adviser(actor, org, **over):
    fields = {
        "lawyer": "陈志明",
        "law_firm": "某某律师事务所",
        "phone": PHONE,
        "term_start": datetime.date(TODAY.year, 1, 1),
        "term_end": datetime.date(TODAY.year, 12, 31),
        "rota": "每周三下午在社区值班",
        "duties_per_month": 4,
    }
    return services.assign_adviser(actor, org=org, **(fields | over))


def honour(actor, org, **over):
    fields = {
        "level": "province",
        "title": "省级民主法治示范社区",
        "awarded_on": TODAY,
        "awarded_by": "省司法厅",
    }
    return services.record_honour(actor, org=org, **(fields | over))


def value(code, org, year=TODAY.year):
    orgs = Organisation.objects.subtree_of([org])
    return registry.get(code).compute(orgs, datetime.date(year, 1, 1), datetime.date(year, 12, 31))


# --- the registers ----------------------------------------------------------------------------------------


def test_an_adviser_is_held_by_a_community_with_a_sane_term_and_the_phone_encrypted(office, units):
    saved = adviser(office, units["a-sq"])
    assert saved.phone == PHONE and saved.version == 1
    with connection.cursor() as cursor:  # the column itself, past the field's decryption
        cursor.execute("SELECT phone FROM learning_adviserassignment WHERE id = %s", [saved.pk])
        (stored,) = cursor.fetchone()
    assert stored.startswith("sm4:") and PHONE not in stored  # only the SM4 token is in the table
    created = AuditEntry.objects.get(
        action=Action.CREATE, target_type="learning.adviserassignment", target_id=str(saved.pk)
    )
    assert PHONE not in str(created.changes) and created.changes["phone"][1] == "（已加密）"

    with pytest.raises(FazhiError) as wrong_unit:
        adviser(office, units["a"])
    assert "不是社区" in str(wrong_unit.value) and "org" in wrong_unit.value.fields
    with pytest.raises(FazhiError) as backwards:
        adviser(office, units["a-sq"], term_end=datetime.date(TODAY.year - 1, 12, 31))
    assert "term_end" in backwards.value.fields
    with pytest.raises(Exception) as bad_phone:
        adviser(office, units["a-sq"], phone="12345")
    assert "电话号码格式不正确" in str(bad_phone.value)
    assert AdviserAssignment.objects.count() == 1


def test_the_pages_and_the_api_show_the_phone_masked_and_an_edit_keeps_it(client, office, units):
    saved = adviser(office, units["a-sq"])
    client.force_login(office)
    listing = client.get("/learning/advisers/").content.decode()
    assert "陈志明" in listing and "*******5678" in listing and PHONE not in listing
    detail = client.get(f"/learning/advisers/{saved.pk}/").content.decode()
    assert "*******5678" in detail and PHONE not in detail
    api = client.get("/api/learning/advisers/").json()
    assert api["results"][0]["phone"] == "*******5678"

    form = client.get(f"/learning/advisers/{saved.pk}/edit/").content.decode()
    assert PHONE not in form  # the edit form does not put the number back on the page
    response = client.post(
        f"/learning/advisers/{saved.pk}/edit/",
        {"version": 1, "lawyer": "陈志明", "law_firm": "另一律师事务所", "phone": "",
         "term_start": f"{TODAY.year}-01-01", "term_end": f"{TODAY.year}-12-31", "rota": "每周五值班"},
    )  # fmt: skip
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.law_firm, saved.rota, saved.phone, saved.version) == (
        "另一律师事务所",
        "每周五值班",
        PHONE,
        2,
    )


def test_a_model_community_title_is_a_communitys_and_not_dated_ahead(office, units):
    saved = honour(office, units["a-sq"])
    assert saved.org == units["a-sq"]
    with pytest.raises(FazhiError) as wrong_unit:
        honour(office, units["a-tw"])
    assert "不是社区" in str(wrong_unit.value)
    with pytest.raises(FazhiError) as ahead:
        honour(office, units["a-sq"], awarded_on=TODAY + datetime.timedelta(days=1))
    assert "awarded_on" in ahead.value.fields
    with pytest.raises(FazhiError) as backwards:
        services.update_honour(office, saved, saved.version, revoked_on=TODAY - datetime.timedelta(days=1))
    assert "revoked_on" in backwards.value.fields


def test_another_streets_user_sees_nothing_and_cannot_write_there(client, office, units, person):
    adviser(office, units["a-sq"])
    honour(office, units["a-sq"])
    other = person("fzb_b", "office", units["b"])
    assert not AdviserAssignment.objects.visible_to(other).exists()
    assert not ModelCommunity.objects.visible_to(other).exists()
    client.force_login(other)
    assert "陈志明" not in client.get("/learning/advisers/").content.decode()
    assert client.get("/api/learning/honours/").json()["results"] == []
    record = AdviserAssignment.objects.get()
    assert client.get(f"/learning/advisers/{record.pk}/").status_code == 404
    with pytest.raises(Exception):  # noqa: B017 - the kit's NotPermitted, whatever its class
        adviser(other, units["a-sq"])
    assert AdviserAssignment.objects.count() == 1


# --- Excel ------------------------------------------------------------------------------------------------

ROW = {"org": "a-sq", "lawyer": "陈志明", "law_firm": "某某律师事务所", "phone": PHONE,
       "term_start": datetime.date(2026, 1, 1), "term_end": datetime.date(2026, 12, 31), "rota": "每周三下午",
       "duties_per_month": 4}  # fmt: skip


def _file(sheet, rows) -> io.BytesIO:
    upload = io.BytesIO(export(sheet, rows))
    upload.name = "advisers.xlsx"
    return upload


def _cells(content: bytes) -> set:
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return {cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None}


def test_one_bad_cell_writes_nothing_and_names_the_cell(client, office, units):
    rows = [
        ROW,
        ROW | {"org": "a-tw"},
        ROW | {"term_end": datetime.date(2025, 12, 31)},
        ROW | {"org": "b-sq"},
    ]
    parsed = parse(adviser_sheet(), _file(adviser_sheet(), rows))
    result = import_advisers(office, parsed.rows)
    assert not result.ok and not AdviserAssignment.objects.exists()
    assert {(e.row, e.column) for e in result.errors} == {(3, "社区"), (4, "聘期结束"), (5, "社区")}

    client.force_login(office)
    bad_phone = [ROW, ROW | {"phone": "12345"}]
    body = client.post("/learning/advisers/excel/import/", {"file": _file(adviser_sheet(), bad_phone)})
    text = body.content.decode()
    assert "本次没有导入任何数据" in text and "第3行" in text and "联系电话" in text
    assert not AdviserAssignment.objects.exists()


def test_a_good_roster_imports_once_audited_and_exports_the_phone_as_the_reader_may_see_it(
    client, office, units, person
):
    client.force_login(office)
    response = client.post("/learning/advisers/excel/import/", {"file": _file(adviser_sheet(), [ROW])})
    assert response.status_code == 302
    saved = AdviserAssignment.objects.get()
    assert (saved.lawyer, saved.phone, saved.duties_per_month) == ("陈志明", PHONE, 4)
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 1
    # the 法治办 does not see personal data: its export masks the phone; a role that does gets it whole
    masked = _cells(client.get("/learning/advisers/excel/export/").content)
    assert "陈志明" in masked and "*******5678" in masked and PHONE not in masked
    client.force_login(person("sifa_a", "legal", units["a"]))
    exported = parse(adviser_sheet(), io.BytesIO(client.get("/learning/advisers/excel/export/").content))
    assert exported.ok and exported.rows[0]["phone"] == PHONE
    client.force_login(office)

    honours = [
        {
            "org": "a-sq",
            "level": "全国",
            "title": "全国民主法治示范社区",
            "awarded_on": datetime.date(2025, 11, 3),
        }
    ]
    assert (
        client.post("/learning/honours/excel/import/", {"file": _file(honour_sheet(), honours)}).status_code
        == 302
    )
    assert ModelCommunity.objects.get().level == "national"


# --- figures ----------------------------------------------------------------------------------------------


def test_adviser_figures_count_communities_in_term_at_the_period_end(office, units):
    street = units["a"]
    second = make_org("a-sq2", Kind.COMMUNITY, street, "甲街道二社区", "甲二")
    make_org("a-sq3", Kind.COMMUNITY, street, "甲街道三社区", "甲三")
    adviser(office, units["a-sq"])
    adviser(office, units["a-sq"], lawyer="林晓燕")  # two lawyers, one community
    ended = adviser(office, second, term_start=datetime.date(TODAY.year - 1, 1, 1),
                    term_end=datetime.date(TODAY.year - 1, 12, 31))  # fmt: skip
    assert value("services.advisers", street) == 1
    assert str(value("services.adviser_coverage", street)) == "33.33"
    assert value("services.advisers", street, TODAY.year - 1) == 1  # the ended term counted its own year
    services.update_adviser(office, ended, ended.version, term_end=None)  # 长期: in term ever since
    assert value("services.advisers", street) == 2
    AdviserAssignment.objects.filter(org=second).delete()  # a row deleted changes the figure
    assert value("services.advisers", street) == 1
    assert value("services.advisers", units["b"]) == 0 and value("services.adviser_coverage", units["b"]) == 0


def test_model_community_figures_held_at_the_end_and_named_in_the_period(office, units):
    street = units["a"]
    honour(office, units["a-sq"], awarded_on=datetime.date(TODAY.year - 2, 5, 1), level="district",
           title="区级民主法治示范社区")  # fmt: skip
    newest = honour(office, units["a-sq"])  # the same community, a higher level: still one community
    assert value("pufa.model_communities", street) == 1 and value("pufa.model_communities.new", street) == 1
    assert value("pufa.model_communities", street, TODAY.year - 2) == 1
    assert value("pufa.model_communities.new", street, TODAY.year - 1) == 0
    ModelCommunity.objects.exclude(pk=newest.pk).delete()
    assert value("pufa.model_communities", street, TODAY.year - 2) == 0
    services.update_honour(office, newest, newest.version, revoked_on=TODAY)
    assert value("pufa.model_communities", street) == 0  # revoked by the year's end
    assert value("pufa.model_communities", units["b"]) == 0


def test_every_page_of_both_registers_answers_the_office(client, office, units):
    saved, named = adviser(office, units["a-sq"]), honour(office, units["a-sq"])
    client.force_login(office)
    for path in (
        "/learning/", "/learning/advisers/", "/learning/advisers/new/", f"/learning/advisers/{saved.pk}/",
        f"/learning/advisers/{saved.pk}/print/", f"/learning/advisers/{saved.pk}/edit/",
        "/learning/advisers/excel/template/", "/learning/advisers/excel/import/", "/learning/honours/",
        "/learning/honours/new/", f"/learning/honours/{named.pk}/", f"/learning/honours/{named.pk}/print/",
        f"/learning/honours/{named.pk}/edit/", "/learning/honours/excel/template/", "/learning/honours/excel/export/",
        "/learning/honours/?level=province&held=1",
    ):  # fmt: skip
        assert client.get(path).status_code == 200, path
    assert "省级民主法治示范社区" in client.get("/learning/honours/?level=province").content.decode()
    assert "省级民主法治示范社区" not in client.get("/learning/honours/?level=national").content.decode()
