"""Drafting the year's reports of several units at once (issue 20): a district office picks the units on the
report list, the worker drafts each as the report page's 重新起草 does (edited paragraphs kept, an approved
report left alone and named), the job's page links to the year's list; the form refuses with Chinese errors."""

import datetime

import pytest
from django.core.cache import cache
from report_fakes import install_fake_figures

from fazhi.jobs import progress
from fazhi.jobs.models import Job, State
from fazhi.reports import services
from fazhi.reports.compose import to_document
from fazhi.reports.models import AnnualReport, Paragraph, Status
from fazhi.reports.render_text import render_text
from tests.jobs.job_helpers import run_worker
from tests.reports.test_report_workflow import fill_mandated

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(tree, person, monkeypatch):
    install_fake_figures(monkeypatch)
    cache.clear()
    return person("quban", "office", tree["district"])


def approved(person, org):
    """The org's 2024 report, filled in, submitted and approved by its leader: frozen."""
    writer, leader = person(f"ban-{org.code}", "office", org), person(f"lingdao-{org.code}", "leader", org)
    report = fill_mandated(writer, services.draft_report(writer, org, 2024))
    report = services.submit(writer, report, report.version)
    return services.approve(leader, report, report.version, signed=datetime.date(2025, 2, 18))


def draft_many(client, year, orgs):
    return client.post("/reports/draft-many/", {"year": year, "orgs": [org.pk for org in orgs]})


def test_the_district_office_drafts_its_units_reports_in_one_job(client, tree, office):
    client.force_login(office)
    page = client.get("/reports/").content.decode()
    assert 'id="draft-many"' in page and "甲街道" in page and "乙街道" in page
    response = draft_many(client, 2024, [tree["district"], tree["a"], tree["b"]])
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.owner, job.total) == ("report", office, 3)
    run_worker()
    job.refresh_from_db()
    assert job.state == State.DONE, job.error
    drafted = AnnualReport.objects.filter(year=2024)
    assert sorted(drafted.values_list("org__code", flat=True)) == ["a", "b", "district"]
    assert all("3218" in render_text(to_document(report)) for report in drafted)
    assert "已起草2024年度报告3份" in job.summary
    assert 'href="/reports/?year=2024"' in client.get(f"/jobs/{job.pk}/").content.decode()


def test_redrafting_keeps_edited_paragraphs_and_leaves_an_approved_report_alone(client, tree, office, person):
    writer_a = person("jiaban", "office", tree["a"])
    edited = services.draft_report(writer_a, tree["a"], 2024)
    paragraph = Paragraph.objects.filter(section__report=edited).exclude(text="").first()
    services.save_paragraph(writer_a, paragraph, paragraph.version, "甲街道办自己写的一段。")
    frozen = approved(person, tree["b"])

    client.force_login(office)
    draft_many(client, 2024, [tree["a"], tree["b"]])
    run_worker()
    job = Job.objects.get()
    assert job.state == State.DONE, job.error
    assert Paragraph.objects.get(pk=paragraph.pk).text == "甲街道办自己写的一段。"
    after = AnnualReport.objects.get(pk=frozen.pk)
    assert (after.status, after.version) == (Status.APPROVED, frozen.version)
    assert "已起草2024年度报告1份" in job.summary and "乙街道：报告已审定，未重新起草" in job.summary


def test_when_nothing_could_be_drafted_the_job_fails_saying_why(client, tree, office, person):
    approved(person, tree["b"])
    client.force_login(office)
    draft_many(client, 2024, [tree["b"]])
    run_worker()
    job = Job.objects.get()
    assert job.state == State.FAILED and "没有起草任何报告" in job.error and "乙街道" in job.error


def test_a_role_taken_away_before_the_worker_runs_is_not_used(client, tree, office):
    client.force_login(office)
    draft_many(client, 2024, [tree["a"], tree["b"]])
    office.roles.all().delete()
    run_worker()
    job = Job.objects.get()
    assert job.state == State.FAILED and "不在您可编制报告的范围内" in job.error
    assert not AnnualReport.objects.exists()


def test_cancelling_keeps_the_reports_already_drafted(tree, office, monkeypatch):
    from fazhi.reports import jobs as report_jobs

    job = report_jobs.queue_drafts(office, 2024, [tree["district"], tree["a"], tree["b"]])
    real = services.draft_report
    calls = []

    def then_cancel(actor, org, year):
        calls.append(org)
        report = real(actor, org, year)
        progress.request_cancel(job.pk)  # what the job page's 取消 does while the worker is busy
        return report

    monkeypatch.setattr(services, "draft_report", then_cancel)
    run_worker()
    job.refresh_from_db()
    assert job.state == State.CANCELLED and "此前起草的 1 份报告已保存" in job.summary
    assert AnnualReport.objects.count() == 1 and len(calls) == 1


def test_the_form_refuses_with_chinese_errors_and_keeps_the_input(client, tree, office):
    client.force_login(office)
    response = client.post("/reports/draft-many/", {"year": "24", "orgs": []})
    page = response.content.decode()
    assert response.status_code == 400
    assert "报告年度须为" in page or "确保该值大于或等于" in page
    assert "请至少选择一个单位。" in page and 'value="24"' in page and "open" in page
    assert not Job.objects.exists()


def test_a_street_office_cannot_pick_another_streets_unit(client, tree, person, monkeypatch):
    install_fake_figures(monkeypatch)
    street_office = person("jiaban", "office", tree["a"])
    client.force_login(street_office)
    assert 'id="draft-many"' not in client.get("/reports/").content.decode()  # one unit: the page's 起草 does
    response = draft_many(client, 2024, [tree["b"]])
    assert response.status_code == 400 and "所选单位不在您可编制报告的范围内" in response.content.decode()
    assert not Job.objects.exists()


def test_the_list_filters_by_year(client, tree, office):
    services.create_report(office, tree["a"], 2023)
    services.create_report(office, tree["a"], 2024)
    client.force_login(office)
    rows = client.get("/reports/?year=2023").content.decode().split("<tbody>")[1]
    assert rows.count("<tr>") == 1 and "<td>2023</td>" in rows
    everything = client.get("/reports/?year=abc")  # a bad year shows all, no 500
    assert (
        everything.status_code == 200
        and "<td>2023</td>" in everything.content.decode()
        and "<td>2024</td>" in everything.content.decode()
    )
