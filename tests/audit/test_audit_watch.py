from fazhi.audit.models import AuditEntry
from fazhi.orgs.models import RoleAssignment


def entries_for(obj):
    return AuditEntry.objects.filter(target_type=obj._meta.label_lower, target_id=str(obj.pk)).order_by("seq")


def test_a_role_granted_and_revoked_is_in_the_trail(tree, person):
    user = person("m")
    role = RoleAssignment.objects.create(user=user, org=tree["a-tw"], role="handler")
    role_id = role.pk
    role.delete()
    actions = list(
        AuditEntry.objects.filter(target_type="orgs.roleassignment", target_id=str(role_id)).values_list(
            "action", "changes"
        )
    )
    assert actions[0][0] == "create" and actions[0][1]["role"] == [None, "handler"]
    assert actions[1][0] == "delete" and actions[1][1]["role"] == ["handler", None]


def test_a_password_change_is_audited_without_the_hash(tree, person):
    user = person("m")
    user.set_password("Another#Passw0rd-1")
    user.save()
    last = entries_for(user).last()
    assert last.changes["password"] == ["（旧值）", "已设置"]
    algorithm, _, digest = user.password.rpartition("$")
    assert digest not in str(last.changes) and algorithm.split("$")[0] not in str(last.changes)


def test_an_organisation_renamed_is_in_the_trail(tree):
    org = tree["a-tw"]
    org.name = "甲街道人民调解委员会"
    org.save()
    assert entries_for(org).last().changes["name"] == ["甲街道调委会", "甲街道人民调解委员会"]
