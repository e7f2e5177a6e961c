import datetime

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.accounts.passwords import CharacterClassValidator


@pytest.mark.parametrize(
    "password", ["Abcdefgh12", "abcdefgh1!", "ABCDEFGH1!", "Abcdefgh!!", "法治Ab1街道工作"]
)
def test_three_of_four_classes_are_accepted(password):
    CharacterClassValidator(min_classes=3).validate(password)


@pytest.mark.parametrize(
    "password", ["abcdefghij", "abcdefgh12", "ABCDEFGH!!", "1234567890", "法治街道abcdef"]
)
def test_fewer_classes_are_refused_with_a_chinese_message(password):
    with pytest.raises(ValidationError) as caught:
        CharacterClassValidator(min_classes=3).validate(password)
    message = caught.value.messages[0]
    assert "至少3类" in message and "请加入" in message


def test_help_text_is_chinese():
    assert "大写字母、小写字母、数字、符号" in CharacterClassValidator().get_help_text()


@pytest.mark.django_db
def test_configured_validators_refuse_short_and_simple_passwords():
    with pytest.raises(ValidationError):
        validate_password("Ab1!xyz")  # too short although four classes
    with pytest.raises(ValidationError):
        validate_password("abcdefghijkl")
    validate_password("Qiao-tou-2025")


@pytest.mark.django_db
def test_set_password_records_when(django_user_model):
    user = django_user_model(username="zhang")
    before = timezone.now()
    user.set_password("Qiao-tou-2025")
    assert user.password_changed_at >= before
    assert not user.password_expired
    user.password_changed_at = timezone.now() - datetime.timedelta(days=91)
    assert user.password_expired


def test_the_product_stores_passwords_with_a_slow_hash():
    """The suite hashes with MD5 for speed (tests/settings.py); the product must not."""
    import importlib

    from django.conf import global_settings

    product = importlib.import_module("fazhi.settings")
    hashers = getattr(product, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert any(slow in hashers[0] for slow in ("PBKDF2", "Argon2", "Scrypt"))
