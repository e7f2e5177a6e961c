import datetime
from decimal import Decimal

import pytest

from fazhi.figures import registry
from fazhi.orgs.models import Organisation
from fazhi.oversight import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date
Y = 2024


def value(code, org):
    return registry.get(code).compute(Organisation.objects.subtree_of([org]), D(Y, 1, 1), D(Y, 12, 31))


def test_suggestion_and_reminder_figures(tree, person):
    actor = person("office_a", "office", tree["a"])
    a = tree["a"]
    on_time = services.receive_suggestion(
        actor, org=a, kind="procuratorate", issuer="检察院", received_on=D(Y, 3, 1), content="x"
    )
    services.reply_suggestion(actor, on_time, on_time.version, replied_on=D(Y, 4, 1), reply_text="已整改")
    late = services.receive_suggestion(
        actor,
        org=a,
        kind="judicial",
        issuer="法院",
        received_on=D(Y, 3, 1),
        content="x",
        reply_due=D(Y, 3, 31),
    )
    services.reply_suggestion(actor, late, late.version, replied_on=D(Y, 4, 2), reply_text="已整改")
    services.receive_suggestion(
        actor, org=a, kind="judicial", issuer="法院", received_on=D(Y, 5, 1), content="x"
    )
    services.issue_reminder(actor, org=a, to_unit=tree["a-tw"], issued_on=D(Y, 5, 1), matter="x")
    assert value("suggestions.received", a) == 3
    assert value("suggestions.judicial", a) == 2 and value("suggestions.procuratorate", a) == 1
    assert value("suggestions.replied_on_time", a) == 1
    # The unanswered 司法建议书 without a stated date was due by the rule's two months: 1 of 3 due ones in time.
    assert value("suggestions.reply_rate", a) == Decimal("33.33")
    assert value("reminders.issued", a) == 1


def test_the_codes_and_phrases_are_those_of_before_the_move():
    """Dashboards, stored report values and the analyzer quote these codes: the move kept them."""
    assert registry.code_for_phrase("检察建议书") == "suggestions.procuratorate"
    assert registry.code_for_phrase("发出提醒函") == "reminders.issued"
    for code in ("suggestions.received", "suggestions.judicial", "suggestions.replied_on_time",
                 "suggestions.reply_rate", "reminders.issued"):  # fmt: skip
        fig = registry.get(code)
        if fig.ratio:  # a rate: counted where its part is
            fig = registry.get(fig.ratio.part)
        counted_by = fig.tally.model.__module__ if fig.tally else fig.compute.__module__
        assert counted_by.startswith("fazhi.oversight."), code
