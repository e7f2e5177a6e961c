import io

import pytest

from fazhi import demo
from fazhi.demo.tree import build_orgs, build_people
from fazhi.figures.demo import load_demo as load_figures
from fazhi.reports.demo import load_demo as load_report
from fazhi.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def test_the_demo_drafts_wuchangs_2024_report_after_the_ledgers_and_figures():
    order = demo.loaders()
    assert order.index(load_report) == len(order) - 1  # it drafts from every other loader's records
    orgs = build_orgs()
    users = build_people(orgs)
    load_figures(orgs, users, io.StringIO())
    out = io.StringIO()
    load_report(orgs, users, out)
    report = AnnualReport.objects.get(org=orgs["wuchang"], year=2024)
    assert report.status == "draft" and "已起草" in out.getvalue()
    text = " ".join(p.text for s in report.sections.all() for p in s.paragraphs.all())
    assert text.startswith("2024年，五常街道深入学习贯彻")  # as the published report words it
