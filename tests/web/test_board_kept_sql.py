"""The deadline board builds each ledger's query once for a person's units and a day and keeps its SQL
(fazhi.web.views._board_records, issue 21): the rows are read anew on every call, and a new unit, a new day
or another person's units build the query again."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fazhi.ledger.models import Deadlined
from fazhi.ledger.registry import ledger_models
from fazhi.orgs.models import RoleAssignment
from fazhi.orgs.scoping import OrgScopedQuerySet
from fazhi.web.views import deadline_board
from tests.conftest import TODAY, clock_at
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = pytest.mark.django_db

DAY = TODAY + datetime.timedelta(days=45)  # a dispute received on TODAY is past its one month by then


def board_tables() -> list[str]:
    """The tables of the ledgers the board asks (those with statutory due dates)."""
    return [model._meta.db_table for model in ledger_models() if issubclass(model, Deadlined)]


@pytest.fixture
def no_building(monkeypatch):
    """From here on, building a scoped query fails the test."""

    def refuse(self, user, *, write=False):
        raise AssertionError("看板重新构造了查询")

    return lambda: monkeypatch.setattr(OrgScopedQuerySet, "visible_to", refuse)


def test_the_kept_query_reads_the_rows_anew(tree, person, no_building):
    mediator = person("m", "handler", tree["a-tw"])
    with clock_at(TODAY):
        first = new_dispute(mediator, tree["a-tw"])
    with clock_at(DAY):
        assert deadline_board(mediator)["overdue"] == [first]
        no_building()
        with clock_at(TODAY):
            second = new_dispute(mediator, tree["a-tw"], summary="噪音扰民")
        tables = board_tables()
        with CaptureQueriesContext(connection) as asked:
            board = deadline_board(mediator)
        # one query a ledger and one for the units shown, nothing built again
        assert {record.pk for record in board["overdue"]} == {first.pk, second.pk}
        froms = [q["sql"].split(" FROM ", 1)[1].split()[0].strip('"') for q in asked.captured_queries]
        asked_ledgers = [name for name in froms if name in tables]
        # (a ledger whose board lists nothing, as the 议事会, asks nothing)
        assert "disputes_dispute" in asked_ledgers and len(asked_ledgers) == len(set(asked_ledgers))
        assert froms.count("orgs_organisation") == 1
        assert board["overdue"][0].org == tree["a-tw"] and board["overdue"][0].number == first.number
        tomorrow = clock_at(DAY + datetime.timedelta(days=1))
        with pytest.raises(AssertionError, match="看板重新构造了查询"), tomorrow:
            deadline_board(mediator)  # another day is another query


def test_a_unit_given_is_on_the_board_at_once(tree, person):
    mediator = person("m", "handler", tree["a-tw"])
    other = person("n", "handler", tree["b-tw"])
    with clock_at(TODAY):
        theirs = new_dispute(other, tree["b-tw"])
    with clock_at(DAY):
        assert deadline_board(mediator)["overdue"] == []
        RoleAssignment.objects.create(user=mediator, org=tree["b-tw"], role="handler")
        assert deadline_board(mediator)["overdue"] == [theirs]
        RoleAssignment.objects.filter(user=mediator, org=tree["b-tw"]).delete()
        assert deadline_board(mediator)["overdue"] == []


def test_a_person_who_sees_no_unit_has_an_empty_board_without_asking_a_ledger(tree, person):
    admin = person("sys", "sys_admin", tree["district"])  # the 三员 see no ledger record
    tables = board_tables()
    with clock_at(DAY):
        deadline_board(admin)
        with CaptureQueriesContext(connection) as asked:
            board = deadline_board(admin)
    assert board["overdue"] == [] and board["due_soon"] == []
    assert not [q["sql"] for q in asked.captured_queries if any(f'"{t}"' in q["sql"] for t in tables)]
