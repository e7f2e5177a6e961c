import pytest
from django.core.exceptions import ValidationError

from fazhi.orgs.models import Organisation, RoleAssignment
from fazhi.orgs.scoping import can_read, can_write, sees_personal_data, visible_orgs


def codes(qs):
    return set(qs.values_list("code", flat=True))


def test_a_role_covers_its_unit_and_everything_below(tree, person):
    mediator = person("m", "handler", tree["a"])
    assert codes(visible_orgs(mediator)) == {"a", "a-tw", "a-sq", "a-sq-tw"}
    assert can_write(mediator, tree["a-sq-tw"])
    assert not can_read(mediator, tree["b-tw"])
    assert not can_read(mediator, tree["district"])


def test_a_community_mediator_sees_only_the_community(tree, person):
    mediator = person("m", "handler", tree["a-sq-tw"])
    assert codes(visible_orgs(mediator)) == {"a-sq-tw"}
    assert not can_read(mediator, tree["a-tw"])


def test_district_reviewer_reads_everything_and_writes_nothing(tree, person):
    reviewer = person("r", "district_reviewer", tree["district"])
    assert codes(visible_orgs(reviewer)) == set(Organisation.objects.values_list("code", flat=True))
    assert codes(visible_orgs(reviewer, write=True)) == set()
    assert not can_write(reviewer, tree["a-tw"])
    assert not sees_personal_data(reviewer, tree["a-tw"])


def test_admin_roles_see_no_ledger_records(tree, person):
    admin = person("s", "sys_admin", tree["district"])
    assert not visible_orgs(admin).exists()


def test_no_person_holds_two_admin_roles(tree, person):
    admin = person("s", "sys_admin", tree["district"])
    with pytest.raises(ValidationError, match="三员分立"):
        RoleAssignment.objects.create(user=admin, org=tree["district"], role="audit_admin")
    assert list(admin.roles.values_list("role", flat=True)) == ["sys_admin"]


def test_moving_a_unit_moves_its_subtree(tree):
    community = tree["a-sq"]
    community.parent = tree["b"]
    community.save()
    moved = Organisation.objects.get(code="a-sq-tw")
    assert moved.path.startswith(tree["b"].path)
    assert moved.street == tree["b"]
