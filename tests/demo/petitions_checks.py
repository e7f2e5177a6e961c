"""The demo (test_demo_of_a_december_day's load) reproduces the seeds' petition and demand figures — 观澜
2024's and 西乡 2023's, each on its own street — and the drafted annual report states them (figures from the
ledger, not typed); 五常, whose report states none of them, carries none of them."""

import io

from django.core.management import call_command

from fazhi.petitions.models import CitizenDemand, Petition
from tests.demo.figure import value


def test_petitions_reproduce_the_seed_figures(demo):
    orgs = demo.orgs
    assert value(orgs, "petitions.batches", 2024, "guanlan") == 5056  # 观澜: 接访群众5056批
    assert value(orgs, "petitions.leader_batches", 2024, "guanlan") == 24  # 周四大接访 24批
    assert (
        value(orgs, "petitions.received", 2024, "guanlan") > 5056
    )  # letters, online and phone petitions besides
    assert value(orgs, "demands.received", 2024, "guanlan") == 2 * value(
        orgs, "demands.received", 2023, "guanlan"
    )  # 增长100%
    assert value(orgs, "demands.resolved", 2024, "guanlan") == 51  # 观澜: 解决…民生诉求51件
    assert value(orgs, "demands.resolved", 2023, "guanlan") == 34  # 增幅达50%
    assert (
        value(orgs, "council.meetings", 2024, "guanlan") == 135
        and value(orgs, "council.topics", 2024, "guanlan") == 334
    )
    assert value(orgs, "demands.web_messages", 2023, "xixiang") == 478  # 西乡: 网站留言478条
    assert value(orgs, "demands.online_questions", 2023, "xixiang") == 492  # 西乡: 网民问政492宗


def test_wuchang_has_a_year_of_petitions_of_its_own(demo):
    """No other seed's figure under 五常 (its 2024 report would state them as its own)."""
    orgs = demo.orgs
    theirs = {
        "petitions.batches": 5056, "petitions.leader_batches": 24, "demands.web_messages": 478,
        "demands.online_questions": 492, "demands.resolved": 51, "council.meetings": 135, "council.topics": 334,
    }  # fmt: skip
    for code, seeds in theirs.items():
        own = value(orgs, code, 2024, "wuchang")
        assert own and own != seeds, code
    assert value(orgs, "demands.received", 2024, "wuchang") > value(orgs, "demands.received", 2023, "wuchang")


def test_open_petitions_are_near_or_past_their_limits(demo):
    open_now = list(Petition.objects.filter(Petition.open_q()))
    assert len(open_now) >= 20
    assert {p.deadline_status() for p in open_now} >= {"overdue"}
    assert CitizenDemand.objects.filter(status="pending").exists()
    # a transferred matter inside its 5 工作日, and an anonymous letter with no acceptance-notice date
    assert any(p.objection_open for p in open_now)
    unclear = Petition.objects.get(identity_unclear=True)
    assert unclear.due_date is None and unclear.deadline_status() == "ok"
    sample = Petition.objects.filter(status="answered").first()
    assert sample.parties.get().id_number_digest  # petitioners encrypted and findable by digest


def test_the_drafted_report_states_the_petition_and_demand_figures(demo, tmp_path):
    output = tmp_path / "xixiang-2023.txt"
    call_command("annual_report", "xixiang", "2023", output=str(output), stdout=io.StringIO())
    assert "办理网站留言478条，网民问政492宗" in output.read_text(encoding="utf-8")
    output = tmp_path / "guanlan-2024.txt"
    call_command("annual_report", "guanlan", "2024", output=str(output), stdout=io.StringIO())
    text = output.read_text(encoding="utf-8")
    assert "累计接访群众5056批，其中领导接访日接访群众24批。" in text
    assert "受理群众诉求" in text and "同比上升100%" in text
    assert "解决民生诉求51件，同比上升50%" in text
    assert "累计召开居民议事会135场，讨论解决议题334条" in text
