"""fazhi.reports.seed_coverage.compare: which of a published report's figures a draft states."""

import pytest

from fazhi.reports.analyzer import ReportUnreadable
from fazhi.reports.seed_coverage import compare

PUBLISHED = (
    "2023年，各级人民调解组织共受理矛盾纠纷4532宗，调解成功4430宗。"
    "执法检查企业858次，经济行政罚款211.6094万元。学法考试参考率100%，优秀率93%。"
)


def test_a_draft_stating_every_figure_covers_the_report():
    coverage = compare(PUBLISHED, PUBLISHED)
    assert coverage.share == 1.0 and coverage.missing == []
    assert [f.text for f in coverage.stated] == ["4532宗", "4430宗", "858次", "211.6094万元", "100%", "93%"]


def test_a_figure_missing_from_the_draft_lowers_the_share_and_is_listed_with_its_sentence():
    draft = PUBLISHED.replace("执法检查企业858次，", "")
    coverage = compare(PUBLISHED, draft)
    assert coverage.share == pytest.approx(5 / 6)
    assert [f.text for f in coverage.missing] == ["858次"]
    assert coverage.sentence(coverage.missing[0]) == "执法检查企业858次，经济行政罚款211.6094万元。"


def test_the_same_number_in_another_unit_or_value_is_not_the_figure():
    draft = PUBLISHED.replace("858次", "858家").replace("优秀率93%", "优秀率92%")
    assert {f.text for f in compare(PUBLISHED, draft).missing} == {"858次", "93%"}


def test_wording_of_the_count_unit_and_rounding_of_money_still_state_the_figure():
    draft = "受理矛盾纠纷4532件，成功调解4430件，检查858次，罚款211.61万元，参考率100%，优秀率93%。"
    assert compare(PUBLISHED, draft).share == 1.0
    assert compare(PUBLISHED, draft.replace("211.61", "211.60")).missing[0].text == "211.6094万元"


def test_each_drafted_figure_states_one_published_figure():
    published = "参考率100%，出庭率100%，回复率100%。"
    assert compare(published, "参考率100%，出庭率100%。").share == pytest.approx(2 / 3)


def test_a_change_is_compared_as_a_change():
    published = "处理行政诉讼4宗，较2022年同比增长25%。"
    assert compare(published, "处理行政诉讼4件，同比增长25%。").share == 1.0
    assert compare(published, "处理行政诉讼4件，占比25%。").share == 0.0  # the figure without its change


def test_an_empty_text_is_refused():
    with pytest.raises(ReportUnreadable):
        compare(PUBLISHED, "")


def test_a_change_standing_alone_is_a_figure_of_its_own():
    published = "受理案件数量同比增长55%。"
    assert compare(published, "受理案件同比增长55%。").share == 1.0
    assert compare(published, "受理案件同比下降55%。").share == 0.0


@pytest.mark.django_db
def test_the_command_refuses_an_unknown_office_or_an_unreadable_seed(tmp_path):
    from django.core.management import CommandError, call_command

    from fazhi.orgs.models import Kind, Organisation

    with pytest.raises(CommandError, match="没有代码为“nowhere”的单位"):
        call_command("seed_coverage", "nowhere", "2023", str(tmp_path / "seed.txt"))
    Organisation.objects.create(code="somewhere", name="某街道", short_name="某", kind=Kind.STREET)
    with pytest.raises(CommandError, match="无法读取已发布的报告"):
        call_command("seed_coverage", "somewhere", "2023", str(tmp_path / "missing.txt"))


def test_a_change_the_report_rounds_is_stated_by_the_exact_one():
    published = "派出庭受理案件2724件，同比增长55%。"
    assert compare(published, "派出庭受理案件2724件，同比上升55.04%。").share == 1.0
    assert compare(published, "派出庭受理案件2724件，同比上升55.6%。").share == 0.0
