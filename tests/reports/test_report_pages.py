"""The report pages and API: scoped to the person's 街道, version-checked edits, downloads."""

import io

import docx
import pytest
from django.urls import reverse
from report_fakes import install_fake_figures
from rest_framework.test import APIClient

from fazhi.reports import services
from fazhi.reports.models import AnnualReport, Paragraph, Source


@pytest.fixture
def figures(monkeypatch):
    return install_fake_figures(monkeypatch)


@pytest.fixture
def people(tree, person):
    return {
        "writer": person("fazhiban", "office", tree["a"]),
        "leader": person("lingdao", "leader", tree["a"]),
        "other": person("other", "office", tree["b"]),
        "other_leader": person("otherleader", "leader", tree["b"]),
    }


@pytest.fixture
def report(tree, people, figures):
    return services.draft_report(people["writer"], tree["a"], 2024)


def web(client, user):
    client.force_login(user)
    return client


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def listed(user) -> list:
    data = api(user).get("/api/reports/").json()
    return data["results"] if isinstance(data, dict) else data


def test_list_shows_only_reports_of_visible_orgs(client, tree, people, report):
    services.create_report(people["other"], tree["b"], 2024)
    page = web(client, people["writer"]).get(reverse("reports:list")).content.decode()
    assert "甲街道2024年法治政府建设年度报告" in page
    assert "乙街道" not in page


def test_create_page_creates_and_drafts(client, tree, people, figures):
    response = web(client, people["writer"]).post(
        reverse("reports:create"), {"org": tree["a"].pk, "year": 2024, "chapters": ["disputes"]}
    )
    report = AnnualReport.objects.get(org=tree["a"], year=2024)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert list(report.sections.filter(parent__key="measures").values_list("key", flat=True)) == ["disputes"]
    page = client.get(report.get_absolute_url()).content.decode()
    assert '<span class="figure" title="disputes.received">3218</span>' in page
    assert "完整性检查" in page and "整改情况" in page


def test_create_page_offers_only_writable_streets(client, tree, people):
    page = web(client, people["other"]).get(reverse("reports:create")).content.decode()
    assert "乙街道" in page and "甲街道" not in page
    response = client.post(reverse("reports:create"), {"org": tree["a"].pk, "year": 2024})
    assert response.status_code == 200
    assert not AnnualReport.objects.filter(org=tree["a"]).exists()


def test_other_street_cannot_see_or_edit(client, people, report):
    paragraph = Paragraph.objects.filter(section__report=report).first()
    client = web(client, people["other"])
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:preview", args=[report.pk])).status_code == 404
    assert client.get(reverse("reports:export", args=[report.pk, "docx"])).status_code == 404
    response = client.post(
        reverse("reports:paragraph-save", args=[paragraph.pk]), {"version": paragraph.version, "text": "篡改"}
    )
    assert response.status_code == 404
    response = client.post(reverse("reports:action", args=[report.pk, "submit"]), {"version": report.version})
    assert response.status_code == 404
    paragraph.refresh_from_db()
    assert paragraph.text != "篡改"


def test_htmx_paragraph_save_and_stale_version(client, people, report):
    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    client = web(client, people["writer"])
    url = reverse("reports:paragraph-save", args=[paragraph.pk])
    response = client.post(
        url, {"version": paragraph.version, "text": "共接收{{disputes.received}}件。"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "已保存" in body and ">3218</span>" in body
    paragraph.refresh_from_db()
    assert paragraph.source == Source.EDITED
    stale = client.post(
        url, {"version": paragraph.version - 1, "text": "旧版本上的修改"}, HTTP_HX_REQUEST="true"
    )
    body = stale.content.decode()
    assert "保存失败" in body and "旧版本上的修改" in body  # the typed text is not lost
    paragraph.refresh_from_db()
    assert paragraph.text == "共接收{{disputes.received}}件。"
    assert f'name="version" value="{paragraph.version}"' in body  # a second save is a conscious overwrite


def test_redraft_button_restores_the_drafted_paragraph(client, people, report):
    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    paragraph = services.save_paragraph(people["writer"], paragraph, paragraph.version, "手写")
    response = web(client, people["writer"]).post(
        reverse("reports:paragraph-redraft", args=[paragraph.pk]),
        {"version": paragraph.version},
        HTTP_HX_REQUEST="true",
    )
    assert "已重新生成" in response.content.decode()
    paragraph.refresh_from_db()
    assert paragraph.source == Source.DRAFTED and "{{disputes.received}}" in paragraph.text


def test_leader_sees_the_approve_button_and_writer_does_not(client, people, report):
    report = services.submit(people["writer"], report, report.version)
    writer_page = web(client, people["writer"]).get(report.get_absolute_url()).content.decode()
    assert "审定通过" not in writer_page and "退回修改" in writer_page
    leader_page = web(client, people["leader"]).get(report.get_absolute_url()).content.decode()
    assert "审定通过" in leader_page
    assert "<textarea" not in leader_page  # leaders read, they do not edit
    response = client.post(
        reverse("reports:action", args=[report.pk, "approve"]), {"version": report.version}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "review"  # incomplete: refused with the list of problems


def test_preview_and_downloads(client, people, report):
    client = web(client, people["writer"])
    preview = client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    assert '<span class="figure" data-code="disputes.received">3218</span>' in preview
    response = client.get(reverse("reports:export", args=[report.pk, "docx"]))
    assert response["Content-Disposition"].startswith("attachment;")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "共接收矛盾纠纷3218件" in text
    plain = client.get(reverse("reports:export", args=[report.pk, "txt"]))
    assert "同比上升18.22%" in plain.content.decode()
    # PDF is made by the worker (a job, tests/reports/test_report_pdf_job.py): asked for by POST only
    assert client.get(reverse("reports:export", args=[report.pk, "pdf"])).status_code == 405
    assert client.get(reverse("reports:export", args=[report.pk, "exe"])).status_code == 404


def test_api_lists_and_hides_by_scope(tree, people, report):
    assert [item["title"] for item in listed(people["writer"])] == [report.title]
    assert listed(people["other"]) == []
    response = api(people["other"]).get(f"/api/reports/{report.pk}/")
    assert response.status_code == 404
    response = api(people["other"]).post(f"/api/reports/{report.pk}/draft/", {"version": 1}, format="json")
    assert response.status_code == 404


def test_api_detail_create_edit_transition_export(tree, people, figures):
    client = api(people["writer"])
    created = client.post("/api/reports/", {"org": "a", "year": 2024}, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    disputes = next(s for s in body["sections"] if s["key"] == "disputes")
    paragraph = disputes["paragraphs"][0]
    assert paragraph["rendered"].startswith("2024年，街道共接收矛盾纠纷3218件，同比上升18.22%")
    assert body["problems"] and {"action": "submit", "label": "提交审定"} in body["actions"]

    url = f"/api/reports/{body['id']}/paragraphs/{paragraph['id']}/"
    edited = client.post(
        url, {"version": paragraph["version"], "text": "共{{disputes.received}}件。"}, format="json"
    )
    assert edited.status_code == 200
    stale = client.post(url, {"version": paragraph["version"], "text": "旧"}, format="json")
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_edit"

    version = edited.json()["version"]
    moved = client.post(
        f"/api/reports/{body['id']}/transition/", {"action": "submit", "version": version}, format="json"
    )
    assert moved.status_code == 200 and moved.json()["status"] == "review"
    refused = client.post(
        f"/api/reports/{body['id']}/transition/",
        {"action": "approve", "version": moved.json()["version"]},
        format="json",
    )
    assert refused.status_code == 403

    exported = client.get(f"/api/reports/{body['id']}/export/?fmt=md")
    assert exported.status_code == 200 and "共3218件。" in exported.content.decode()


def test_api_create_for_another_street_is_refused(tree, people):
    response = api(people["other"]).post("/api/reports/", {"org": "a", "year": 2024}, format="json")
    assert response.status_code == 403
    assert "无权" in response.json()["error"]["message"]
