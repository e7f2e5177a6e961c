import datetime
import json

import pytest
from django import forms
from django.core import serializers
from django.core.exceptions import FieldError, ValidationError
from django.db import connection, models
from django.test.utils import isolate_apps

from fazhi.crypto import CryptoError, encrypt, is_token, lookup_hash
from fazhi.ledger.personal import (
    DigestField,
    EncryptedTextField,
    birth_date,
    clean_id_number,
    clean_phone,
    id_check_char,
    mask,
    mask_id_number,
    mask_phone,
    personal_lookup,
)

VALID_ID = "440301199001011234"
PUBLISHED_ID = "11010519491231002X"  # the example printed in GB 11643 explanations


@pytest.fixture(autouse=True)
def known_keys(settings):
    settings.FAZHI_DATA_KEY = "0123456789abcdeffedcba9876543210"
    settings.FAZHI_LOOKUP_KEY = "ab" * 32


# --- ID numbers ------------------------------------------------------------------------------


def test_check_character_of_published_example():
    assert id_check_char(PUBLISHED_ID[:17]) == "X"
    assert id_check_char(VALID_ID[:17]) == "4"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (PUBLISHED_ID, PUBLISHED_ID),
        ("11010519491231002x", PUBLISHED_ID),
        (" 440301 19900101 1234 ", VALID_ID),
        ("４４０３０１１９９００１０１１２３４", VALID_ID),
    ],
)
def test_valid_id_numbers_are_normalised(raw, clean):
    assert clean_id_number(raw) == clean


def test_every_check_character_is_accepted_and_every_other_refused():
    stem = "33010620150601001"
    right = id_check_char(stem)
    assert clean_id_number(stem + right) == stem + right
    for wrong in "0123456789X":
        if wrong != right:
            with pytest.raises(ValidationError) as info:
                clean_id_number(stem + wrong)
            assert info.value.code == "id_number_check"


def test_single_digit_typo_is_caught():
    typo = VALID_ID[:5] + "2" + VALID_ID[6:]  # 440302… instead of 440301…
    with pytest.raises(ValidationError, match="校验位"):
        clean_id_number(typo)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "44030119900101123",
        "4403011990010112345",
        "440301900101123",
        "44030119900101123Y",
        "X40301199001011234",
    ],
)
def test_wrong_format_gets_the_format_message(raw):
    with pytest.raises(ValidationError) as info:
        clean_id_number(raw)
    assert info.value.messages == [
        "身份证号码应为18位（半角数字0-9，最后一位可为X）；15位旧号码请换用18位新号码；请核对后重新输入"
    ]


@pytest.mark.parametrize("date_part", ["19900230", "19901301", "18991231", "29990101"])
def test_impossible_birth_dates_are_refused(date_part):
    stem = "440301" + date_part + "123"
    with pytest.raises(ValidationError, match="出生日期"):
        clean_id_number(stem + id_check_char(stem))


def test_birth_date():
    assert birth_date(PUBLISHED_ID) == datetime.date(1949, 12, 31)


# --- phone numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("13812345678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("19912345678", "19912345678"),
        ("0571-88888888", "0571-88888888"),
        ("057188888888", "0571-88888888"),
        ("(0755) 2812 3456", "0755-28123456"),
        ("010-62345678", "010-62345678"),
        ("020-8123456", "020-8123456"),
        ("0951-5012345", "0951-5012345"),
    ],
)
def test_valid_phones_are_normalised(raw, clean):
    assert clean_phone(raw) == clean


@pytest.mark.parametrize(
    "raw",
    ["", "12812345678", "1381234567", "138123456789", "88888888", "0571-08888888", "0571-888888", "电话"],
)
def test_invalid_phones_are_refused_with_a_hint(raw):
    with pytest.raises(ValidationError, match="手机号应为11位"):
        clean_phone(raw)


# --- masking ---------------------------------------------------------------------------------


def test_masking_examples():
    # Never the area code with the tail: only the last four characters of an ID number or a phone.
    assert mask_id_number(VALID_ID) == "**************1234"
    assert mask_id_number("11010519491231002x") == "**************002X"
    assert mask_phone("13812345678") == "*******5678"
    assert mask_phone("+86 13812345678") == "*******5678"
    assert mask_phone("0571-88888888") == "****-****8888"
    assert mask_phone("010-6234567") == "****-***4567"


def test_an_id_mask_and_its_check_digit_leave_too_many_candidates_to_try():
    """The oracle attack: the mask's visible characters, the check character and an exact-match filter.
    Area code + tail left ~3,000 candidates per birth year; the tail alone leaves the whole country."""
    shown = mask_id_number(VALID_ID)
    assert set(shown[:14]) == {"*"}  # neither the area code (1-6) nor the birth date (7-14)
    assert set(mask_phone("0571-88888888").split("-")[0]) == {"*"}


def test_id_numbers_and_phones_in_other_digits_are_refused_with_a_message():
    arabic_indic = VALID_ID.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    devanagari = VALID_ID.translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    for number in (arabic_indic, devanagari):
        with pytest.raises(ValidationError, match="半角数字"):
            clean_id_number(number)
    with pytest.raises(ValidationError, match="电话号码格式不正确"):
        clean_phone("١٣٨١٢٣٤٥٦٧٨")


def test_masking_never_shows_more_than_the_ends_of_bad_input():
    assert mask_id_number("1234567") == "*******"
    assert mask_phone("12345") == "*2345"


def test_generic_mask():
    assert mask("id_number", VALID_ID) == "**************1234"
    assert mask("phone", "13812345678") == "*******5678"
    assert mask("text", "张三丰") == "张**"
    assert mask("text", "张三") == "张**"
    assert mask("phone", None) == ""
    assert mask("id_number", "") == ""
    with pytest.raises(ValueError):
        mask("email", "a@b.c")


# --- the fields on a model ------------------------------------------------------------------


@pytest.fixture
def person_model(transactional_db):
    # The SQLite schema editor needs to be outside a transaction, hence transactional_db.
    with isolate_apps("fazhi.ledger"):

        class Person(models.Model):
            name = models.CharField(max_length=50)
            id_number = EncryptedTextField(kind="id_number", blank=True, null=True)
            id_number_digest = DigestField(source="id_number")
            phone = EncryptedTextField(kind="phone", blank=True)
            phone_digest = DigestField(source="phone", kind="phone")
            note = EncryptedTextField(blank=True)

            class Meta:
                app_label = "ledger"
                db_table = "test_personal_person"

            def __str__(self):
                return self.name

        with connection.schema_editor() as editor:
            editor.create_model(Person)
        try:
            yield Person
        finally:
            with connection.schema_editor() as editor:
                editor.delete_model(Person)


def _raw_row(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id_number, id_number_digest, phone, phone_digest, note FROM test_personal_person WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()


def test_database_holds_only_tokens_and_digests(person_model):
    person = person_model.objects.create(
        name="张三", id_number=VALID_ID, phone="13812345678", note="住观澜街道"
    )
    row = _raw_row(person.pk)
    assert all(
        VALID_ID not in column and "13812345678" not in column and "观澜" not in column for column in row
    )
    assert is_token(row[0]) and is_token(row[2]) and is_token(row[4])
    assert row[1] == lookup_hash("id_number", VALID_ID)
    assert row[3] == lookup_hash("phone", "13812345678")

    again = person_model.objects.get(pk=person.pk)
    assert (again.id_number, again.phone, again.note) == (VALID_ID, "13812345678", "住观澜街道")


def test_values_are_normalised_on_save_and_never_encrypted_twice(person_model):
    person = person_model.objects.create(
        name="李四", id_number="11010519491231002x", phone="+86 138 1234 5678"
    )
    assert person.id_number == PUBLISHED_ID
    assert person.phone == "13812345678"
    token = _raw_row(person.pk)[0]

    loaded = person_model.objects.get(pk=person.pk)
    loaded.save()
    assert person_model.objects.get(pk=person.pk).id_number == PUBLISHED_ID

    # A token assigned directly (e.g. copied between records) is taken for its value, not wrapped again.
    loaded.id_number = token
    loaded.save()
    assert loaded.id_number == PUBLISHED_ID
    assert person_model.objects.get(pk=person.pk).id_number == PUBLISHED_ID
    assert personal_lookup(person_model.objects.all(), "id_number", PUBLISHED_ID).get() == loaded
    assert person_model._meta.get_field("id_number").get_prep_value(token) == token


def test_empty_and_null_values(person_model):
    person = person_model.objects.create(name="王五", id_number=None, phone="")
    row = _raw_row(person.pk)
    assert row[0] is None and row[1] is None
    assert row[2] == "" and row[3] is None
    assert person_model.objects.filter(id_number__isnull=True).count() == 1
    assert person_model.objects.filter(id_number=None).count() == 1
    assert person_model.objects.filter(phone="").count() == 1


def test_lookup_by_exact_value_finds_the_record(person_model):
    person_model.objects.create(name="甲", id_number=VALID_ID, phone="0571-88888888")
    target = person_model.objects.create(name="乙", id_number=PUBLISHED_ID, phone="13812345678")

    assert list(personal_lookup(person_model.objects.all(), "id_number", "11010519491231002x")) == [target]
    assert list(personal_lookup(person_model.objects.all(), "phone", "+86 138-1234-5678")) == [target]
    assert (
        person_model.objects.filter(id_number_digest=lookup_hash("id_number", PUBLISHED_ID)).get() == target
    )
    assert not personal_lookup(person_model.objects.all(), "phone", "13812345679").exists()
    assert personal_lookup(person_model.objects.all(), "phone", "057188888888").get().name == "甲"


def test_changing_the_value_moves_the_digest(person_model):
    person = person_model.objects.create(name="丙", phone="13812345678")
    person.phone = "13900001111"
    person.save()
    assert not personal_lookup(person_model.objects.all(), "phone", "13812345678").exists()
    assert personal_lookup(person_model.objects.all(), "phone", "13900001111").get() == person


def test_bulk_create_fills_digests(person_model):
    person_model.objects.bulk_create([person_model(name=f"人{i}", phone=f"1381234567{i}") for i in range(3)])
    assert personal_lookup(person_model.objects.all(), "phone", "13812345672").get().name == "人2"


@pytest.mark.parametrize(
    "lookup",
    [{"phone": "13812345678"}, {"phone__contains": "1381"}, {"phone__iexact": "x"}, {"phone__lower": "x"}],
)
def test_value_lookups_on_ciphertext_are_refused_with_advice(person_model, lookup):
    with pytest.raises(FieldError, match="DigestField"):
        list(person_model.objects.filter(**lookup))


def test_personal_lookup_needs_a_digest_field(person_model):
    with pytest.raises(FieldError, match="没有 DigestField"):
        personal_lookup(person_model.objects.all(), "note", "x")


def test_foreign_token_in_the_column_is_reported(person_model, settings):
    person = person_model.objects.create(name="丁", phone="13812345678")
    settings.FAZHI_DATA_KEY = "00112233445566778899aabbccddeeff"
    with pytest.raises(CryptoError, match=r"Person\.phone"):
        person_model.objects.get(pk=person.pk)


def test_serialised_data_carries_tokens_not_plain_text(person_model):
    person_model.objects.create(name="戊", id_number=VALID_ID, phone="13812345678")
    dumped = serializers.serialize("json", person_model.objects.all())
    assert VALID_ID not in dumped and "13812345678" not in dumped
    # Loading a fixture goes through to_python(), which opens the tokens again.
    fields = json.loads(dumped)[0]["fields"]
    restored = [person_model._meta.get_field(name).to_python(fields[name]) for name in ("id_number", "phone")]
    assert restored == [VALID_ID, "13812345678"]


def test_full_clean_validates_by_kind(person_model):
    person = person_model(name="己", id_number="440301199001011235", phone="12345")
    with pytest.raises(ValidationError) as info:
        person.full_clean()
    assert set(info.value.message_dict) == {"id_number", "phone"}
    assert "校验位" in info.value.message_dict["id_number"][0]


def test_form_field_is_a_single_line(person_model):
    assert isinstance(person_model._meta.get_field("phone").formfield().widget, forms.TextInput)
    assert isinstance(person_model._meta.get_field("note").formfield().widget, forms.Textarea)


def test_fields_deconstruct_for_migrations(person_model):
    for name in ("id_number", "id_number_digest", "phone", "phone_digest", "note"):
        field = person_model._meta.get_field(name)
        _, _path, args, kwargs = field.deconstruct()
        rebuilt = type(field)(*args, **kwargs)
        rebuilt.set_attributes_from_name(name)
        rebuilt.model = person_model
        assert rebuilt.deconstruct() == field.deconstruct()
    assert person_model._meta.get_field("id_number").deconstruct()[3] == {
        "kind": "id_number",
        "blank": True,
        "null": True,
    }
    assert person_model._meta.get_field("id_number_digest").deconstruct()[3] == {"source": "id_number"}
    assert person_model._meta.get_field("id_number_digest").kind == "id_number"


def test_model_checks(person_model):
    assert person_model.check() == []
    with isolate_apps("fazhi.ledger"):

        class Broken(models.Model):
            phone = EncryptedTextField(kind="phone", unique=True)
            phone_digest = DigestField(source="mobile")

            class Meta:
                app_label = "ledger"

            def __str__(self):
                return "broken"

        assert {error.id for error in Broken.check()} == {"fazhi.E101", "fazhi.E102"}


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="未知的个人信息类型"):
        EncryptedTextField(kind="email")


def test_token_assigned_to_text_field_from_another_key_is_encrypted_again():
    # Text that merely looks like a token is user data, not a ciphertext of ours.
    field = EncryptedTextField()
    fake = "sm4:1:" + "A" * 64
    stored = field.get_prep_value(fake)
    assert stored != fake and field.to_python(stored) == fake
    assert field.get_prep_value(encrypt("x")).startswith("sm4:1:")
