"""fazhi.db.KeptQuery: a small query's SQL built once, then run with each call's values, gives the rows the
ORM gives, converted as the ORM converts them (issue 21: the API token's lookup)."""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from fazhi.accounts import tokens
from fazhi.accounts.models import ApiToken
from fazhi.db import KeptQuery
from fazhi.orgs.models import RoleAssignment

pytestmark = pytest.mark.django_db


def _columns(key_hash):
    return (
        ApiToken.objects.filter(key_hash=key_hash)
        .order_by()
        .values_list(
            "id",
            "created_at",
            "expires_at",
            "revoked_at",
            "user__username",
            "user__is_active",
            "user__roles__role",
        )
    )


def test_the_kept_sql_gives_the_orms_rows_for_each_call(tree, person):
    first, second = person("m", "handler", tree["a-tw"]), person("n")
    RoleAssignment.objects.create(user=first, org=tree["b"], role="leader")
    kept = KeptQuery(_columns, "stand-in")
    made = {user.username: tokens.create(user, "t")[0] for user in (first, second)}
    for token in made.values():
        rows = kept.rows(token.key_hash)
        assert sorted(rows, key=str) == sorted(_columns(token.key_hash), key=str)
        assert all(isinstance(row[1], datetime.datetime) and timezone.is_aware(row[1]) for row in rows)
        assert all(type(row[5]) is bool for row in rows)
    assert sorted(row[-1] for row in kept.rows(made["m"].key_hash)) == ["handler", "leader"]
    assert kept.rows(made["n"].key_hash) == [(made["n"].pk, *_columns(made["n"].key_hash)[0][1:])]
    assert kept.rows("no such key") == []
    assert None not in kept.kept.values()  # built once and kept


def test_a_query_whose_stand_in_is_not_one_plain_parameter_is_left_to_the_orm(tree, person):
    user = person("m", "handler", tree["a-tw"])
    token = tokens.create(user, "t")[0]
    # the stand-in twice in the SQL: each call builds the query with the ORM
    twice = KeptQuery(
        lambda name: ApiToken.objects.filter(Q(name=name) | Q(key_hash=name)).values_list("pk"), "x"
    )
    assert twice.rows("t") == [(token.pk,)]
    assert twice.rows("no such name") == []
    # a query the ORM knows to be empty has no SQL at all
    empty = KeptQuery(lambda name: ApiToken.objects.filter(name=name, pk__in=[]).values_list("pk"), "x")
    assert empty.rows("t") == []
    assert [*twice.kept.values(), *empty.kept.values()] == [None, None]
