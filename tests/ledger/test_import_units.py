"""An import row's unit: one outside the importer's scope is answered like one that does not exist, in
the words typed — the import neither confirms it nor names it (nor lists the codes of same-named units
elsewhere)."""

import pytest

from fazhi.ledger.importing import UnitResolver
from fazhi.orgs.models import Kind
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def mediator(tree, person):
    return person("m", "handler", tree["a-tw"])


def test_another_streets_unit_by_code_is_not_named(mediator):
    org, message = UnitResolver(mediator, "纠纷").resolve("b-tw")
    assert org is None
    assert "“b-tw”" in message and "乙街道" not in message
    _, unknown = UnitResolver(mediator, "纠纷").resolve("no-such-unit")
    assert message == unknown.replace("no-such-unit", "b-tw")  # the same answer as a unit that is not there


def test_another_streets_unit_by_name_gets_the_same_answer_as_an_unknown_name(mediator):
    _, message = UnitResolver(mediator, "纠纷").resolve("乙街道调委会")
    _, unknown = UnitResolver(mediator, "纠纷").resolve("丙街道调委会")
    assert message == unknown.replace("丙", "乙")
    assert "b-tw" not in message


def test_a_shared_name_lists_only_the_units_in_scope(tree, mediator):
    make_org("b-dup", Kind.COMMUNITY_COMMITTEE, tree["b"], name="甲街道调委会")
    org, message = UnitResolver(mediator, "纠纷").resolve("甲街道调委会")
    assert org == tree["a-tw"] and not message


def test_a_unit_read_but_not_written_is_refused_in_the_words_typed(tree, person):
    reviewer = person("r", "district_reviewer", tree["district"])
    org, message = UnitResolver(reviewer, "纠纷").resolve("a-tw")
    assert org is None and "您无权在“a-tw”登记纠纷" in message
