import pytest

from fazhi.orgs.models import Organisation, RoleAssignment

PASSWORD = "Zhifa-2024-guanlan"


@pytest.fixture
def street(db):
    return Organisation.objects.create(code="guanlan", name="观澜街道", short_name="观澜", kind="street")


@pytest.fixture
def clerk(django_user_model, street):
    user = django_user_model.objects.create_user("clerk", password=PASSWORD, full_name="李办事")
    RoleAssignment.objects.create(user=user, org=street, role="handler")
    return user


@pytest.fixture
def sec_admin(django_user_model, street):
    user = django_user_model.objects.create_user("secadmin", password=PASSWORD, full_name="王安全")
    RoleAssignment.objects.create(user=user, org=street, role="sec_admin")
    return user


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def policy_allows(client, rf):
    """Whether SecurityPolicyMiddleware lets the client's session reach a path (the page itself is not run)."""
    from django.contrib.auth import get_user
    from django.http import HttpResponse

    from fazhi.accounts.middleware import SecurityPolicyMiddleware

    def check(path: str = "/") -> bool:
        request = rf.get(path)
        request.session = client.session
        request.user = get_user(request)
        assert request.user.is_authenticated
        response = SecurityPolicyMiddleware(lambda r: HttpResponse("reached"))(request)
        return response.status_code == 200 and response.content == b"reached"

    return check
