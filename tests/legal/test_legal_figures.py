import datetime
from decimal import Decimal

import pytest

from fazhi.deadlines.calendar import working_days_between
from fazhi.figures import registry
from fazhi.legal import services
from fazhi.orgs.models import Organisation
from tests.conftest import TODAY
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_contract, new_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
legal_units, lawyer, office = fx.legal_units, fx.lawyer, fx.office
YEAR_START, YEAR_END = datetime.date(TODAY.year, 1, 1), datetime.date(TODAY.year, 12, 31)


def value(code, orgs):
    return registry.get(code).compute(orgs, YEAR_START, YEAR_END)


def concluded(actor, item, units, *, opinion="lawful", letter=True, on=TODAY):
    item = services.assign(actor, item, item.version, units["a-gw"])
    return services.conclude(
        actor, item, item.version, opinion=opinion, opinion_text="意见", opinion_on=on, letter_issued=letter
    )


def test_figures_on_a_fixture(tree, office, legal_units):
    start = TODAY - datetime.timedelta(days=30)
    big = concluded(
        office, new_contract(office, tree["a-sq"], amount=Decimal("3000000"), submitted_on=start), legal_units
    )
    services.file_contract(office, big, big.version, filed_on=TODAY)
    concluded(office, new_contract(office, tree["a-sq"], submitted_on=start), legal_units, letter=False)
    concluded(office, new_contract(office, tree["a-sq"], submitted_on=start), legal_units, opinion="unlawful")
    concluded(office, new_item(office, tree["a-sq"], "topic", submitted_on=start), legal_units)
    concluded(office, new_item(office, tree["a-sq"], "plan", submitted_on=start), legal_units)
    concluded(office, new_item(office, tree["a-sq"], "major_decision", submitted_on=start), legal_units)
    returned = services.assign(
        office, new_contract(office, tree["a-sq"], submitted_on=start), 1, legal_units["a-gw"]
    )
    services.return_for_revision(office, returned, returned.version, opinion_text="请修改", opinion_on=TODAY)
    new_contract(office, tree["a-sq"])  # submitted, not reviewed
    # a normative document 45 days old (over 15 working days), never answered: overdue (TODAY is mid-year, so
    # it was submitted in the year counted)
    new_item(office, tree["a-sq"], "normative", submitted_on=TODAY - datetime.timedelta(days=45))
    street_a = Organisation.objects.subtree_of([tree["a"]])
    assert value("legal.contracts_reviewed", street_a) == 3
    assert value("legal.opinions", street_a) == 6  # five letters on concluded items and the returned round's
    assert value("legal.contracts_filed", street_a) == 1
    assert value("legal.unlawful", street_a) == 1
    assert value("legal.topics_reviewed", street_a) == 1
    assert value("legal.plans_reviewed", street_a) == 1
    assert value("legal.major_decisions", street_a) == 1
    assert value("legal.normative_documents", street_a) == 0
    expected_days = working_days_between(start, TODAY)
    assert value("legal.review_days_avg", street_a) == Decimal(expected_days).quantize(Decimal("0.1"))
    assert value("legal.overdue", street_a) == 1
    street_b = Organisation.objects.subtree_of([tree["b"]])
    assert value("legal.contracts_reviewed", street_b) == 0 and value("legal.opinions", street_b) == 0
    by_kind = registry.get_breakdown("legal.reviewed.by_kind")
    assert registry.parts(by_kind, street_a, YEAR_START, YEAR_END)[0] == ("合同", 3)


def test_report_phrases_map_to_the_codes():
    assert registry.code_for_phrase("开展合法性审查行政机关合同") == "legal.contracts_reviewed"
    assert registry.code_for_phrase("出具合法性审查意见书") == "legal.opinions"
    assert registry.code_for_phrase("百万元以上合同备案") == "legal.contracts_filed"
    assert registry.code_for_phrase("行政规范性文件初审") == "legal.normative_documents"
    assert registry.code_for_phrase("审查方案、制度等文件") == "legal.plans_reviewed"
