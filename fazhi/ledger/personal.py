"""Parties' ID numbers and phones: validation, masking, encryption at rest, search by keyed hash.

A model keeps the value in an ``EncryptedTextField`` (the column holds only an SM4 token) and,
where people must find a record by it, a ``DigestField`` next to it that saves the lookup hash:

    id_number = EncryptedTextField(kind="id_number", blank=True)
    id_number_digest = DigestField(source="id_number", kind="id_number")

    personal_lookup(Party.objects.all(), "id_number", "44030119900101123X")

The digest is computed in ``pre_save``, so it follows every ``save()``, ``create()`` and
``bulk_create()``; ``QuerySet.update()`` of the source bypasses it and must not be used for these fields.
"""

import datetime
import re
import unicodedata

from django import forms
from django.core import checks
from django.core.exceptions import FieldDoesNotExist, FieldError, ValidationError
from django.db import models
from django.db.models.lookups import Exact, IsNull

from fazhi.crypto import KINDS, CryptoError, decrypt, encrypt, is_token, lookup_hash, normalise

# GB 11643-1999: weights of the first 17 digits and the check character for sum mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# ASCII digits only: \d would also take Arabic-Indic or Devanagari digits, which no ID card carries.
_ID_RE = re.compile(r"^[0-9]{17}[0-9X]$")
_MOBILE_RE = re.compile(r"^1[3-9][0-9]{9}$")
# Area codes: 010 and 02x have three digits, all others four; local numbers have 7 or 8 digits.
_LANDLINE_RE = re.compile(r"^(010|02[0-9]|0[3-9][0-9]{2})([2-9][0-9]{6,7})$")

ID_FORMAT_MESSAGE = (
    "身份证号码应为18位（半角数字0-9，最后一位可为X）；15位旧号码请换用18位新号码；请核对后重新输入"
)
ID_DATE_MESSAGE = "身份证号码第7至14位的出生日期无效；请核对后重新输入"
ID_CHECK_MESSAGE = "身份证号码校验位不符，可能有数字录错；请对照证件逐位核对后重新输入"
PHONE_MESSAGE = "电话号码格式不正确：手机号应为11位（如13812345678），座机应带区号（如0571-88888888）"


# --- ID numbers ------------------------------------------------------------------------------


def id_check_char(first17: str) -> str:
    """The 18th character GB 11643 prescribes for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("需要身份证号码的前17位数字")
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def clean_id_number(value: str) -> str:
    """The normalised 18-character ID number, or ValidationError with a Chinese message."""
    number = normalise("id_number", value)
    if not _ID_RE.match(number):
        raise ValidationError(ID_FORMAT_MESSAGE, code="id_number_format")
    try:
        born = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = None
    if born is None or born.year < 1900 or born > datetime.date.today():
        raise ValidationError(ID_DATE_MESSAGE, code="id_number_date")
    if id_check_char(number[:17]) != number[17]:
        raise ValidationError(ID_CHECK_MESSAGE, code="id_number_check")
    return number


def birth_date(id_number: str) -> datetime.date:
    """Birth date of a valid ID number (the law treats minors' ID numbers as sensitive)."""
    number = clean_id_number(id_number)
    return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def validate_id_number(value: str) -> None:
    clean_id_number(value)


# --- phone numbers ---------------------------------------------------------------------------


def clean_phone(value: str) -> str:
    """Mobile as 11 digits, landline as 区号-号码; ValidationError with a Chinese message otherwise."""
    digits = normalise("phone", value)
    if _MOBILE_RE.match(digits):
        return digits
    landline = _LANDLINE_RE.match(digits)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    raise ValidationError(PHONE_MESSAGE, code="phone_format")


def validate_phone(value: str) -> None:
    clean_phone(value)


def is_full_contact(text: str) -> bool:
    """Whether ``text`` is a whole ID number or phone in shape, however typed (spaces, dashes, full-width
    digits, +86), check digit aside: what an exact personal-data lookup takes (the search box asks)."""
    compact = "".join(ch for ch in unicodedata.normalize("NFKC", text or "") if ch.isalnum()).upper()
    if _ID_RE.match(compact):
        return True
    try:
        clean_phone(text)
    except ValidationError:
        return False
    return True


# --- masking ---------------------------------------------------------------------------------


# Masks never leave the area code and the tail together: with the area code, the tail and the check
# digit only the birth date and a few digits stay unknown, few enough to try one by one.


def mask_id_number(value: str) -> str:
    """Only the last four characters (order number and check character): 14 unknown digits."""
    number = normalise("id_number", value)
    if len(number) <= 8:
        return "*" * len(number)
    return "*" * (len(number) - 4) + number[-4:]


def mask_phone(value: str) -> str:
    """Only the last four digits; a landline loses its area code too (0571-****8888 → ****-****8888),
    a mobile its network prefix (138****5678 → *******5678)."""
    try:
        phone = clean_phone(value)
    except ValidationError:
        digits = normalise("phone", value)
        return "*" * max(len(digits) - 4, 0) + digits[-4:]
    if "-" in phone:
        local = phone.split("-")[1]
        return f"****-{'*' * (len(local) - 4)}{local[-4:]}"
    return "*" * 7 + phone[-4:]


def mask_text(value: str) -> str:
    """First character and a fixed number of stars, so the length does not show (张三 → 张**)."""
    text = normalise("text", value)
    return text[:1] + "**" if text else ""


def mask(kind: str, value: str | None) -> str:
    if not value:
        return ""
    maskers = {"id_number": mask_id_number, "phone": mask_phone, "text": mask_text}
    if kind not in maskers:
        raise ValueError(f"未知的个人信息类型 {kind!r}，应为 {', '.join(KINDS)} 之一")
    return maskers[kind](value)


# --- model fields ----------------------------------------------------------------------------

_KIND_VALIDATORS = {"id_number": [validate_id_number], "phone": [validate_phone]}

_CANONICAL = {"id_number": lambda v: normalise("id_number", v), "phone": clean_phone, "text": lambda v: v}


def _canonical(kind: str, value: str) -> str:
    """Canonical spelling where the value is valid; otherwise unchanged (validation reports it)."""
    try:
        return _CANONICAL[kind](value)
    except ValidationError:
        return value


class _NullOrEmptyExact(Exact):
    """``field=None`` and ``field=""`` still work; any other value cannot match a random-IV token."""

    def __init__(self, lhs, rhs):
        if rhs not in (None, ""):
            raise FieldError(_lookup_refused(lhs.output_field, "exact"))
        super().__init__(lhs, rhs)


def _lookup_refused(field, lookup_name: str) -> str:
    return (
        f"加密字段 {field.model.__name__}.{field.name} 不能按 {lookup_name!r} 查询：数据库中只有密文。"
        f"请在模型中加 DigestField(source={field.name!r}) 并用 personal_lookup() 按完整值查找。"
    )


class EncryptedTextField(models.TextField):
    """Holds the plain value in Python and only an SM4 token in the database."""

    description = "SM4 加密存储的个人信息"
    personal = True  # the audit trail records that it changed, never its value (ledger.services)

    def __init__(self, *args, kind: str = "text", **kwargs):
        if kind not in KINDS:
            raise ValueError(f"未知的个人信息类型 {kind!r}，应为 {', '.join(KINDS)} 之一")
        self.kind = kind
        # Per instance, so that the kind's check runs in full_clean() and forms without being
        # written into migrations as an explicit validator.
        self.default_validators = _KIND_VALIDATORS.get(kind, [])
        super().__init__(*args, **kwargs)

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if self._unique or self.db_index:
            errors.append(
                checks.Error(
                    "加密字段不能设 unique 或 db_index：每次加密结果都不同，索引与唯一约束无效。",
                    hint="唯一性与查找请放在对应的 DigestField 上。",
                    obj=self,
                    id="fazhi.E101",
                )
            )
        return errors

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.kind != "text":
            kwargs["kind"] = self.kind
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        # The instance always ends up with the plain, canonical value, even if a token was assigned.
        value = self.to_python(getattr(model_instance, self.attname))
        if isinstance(value, str) and value:
            value = _canonical(self.kind, value)
        setattr(model_instance, self.attname, value)
        return value

    def to_python(self, value):
        # Fixtures and serialised data carry tokens (see value_to_string); objects carry plain text.
        if isinstance(value, str) and is_token(value):
            return decrypt(value)
        return super().to_python(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        try:
            return decrypt(value)
        except CryptoError as exc:
            raise CryptoError(f"{self.model.__name__}.{self.name}：{exc}") from exc

    def get_prep_value(self, value):
        # Checked before super(), whose to_python() would turn a token back into plain text.
        if is_token(value):
            return value
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def value_to_string(self, obj):
        # dumpdata and other serialisers must not write plain personal data to files.
        value = self.value_from_object(obj)
        return encrypt(value) if value else value

    def formfield(self, **kwargs):
        if self.kind != "text":
            # A one-line input: an ID number or a phone is not a paragraph.
            kwargs = {"form_class": forms.CharField, "max_length": 32, **kwargs}
            return models.Field.formfield(self, **kwargs)
        return super().formfield(**kwargs)

    def get_lookup(self, lookup_name):
        if lookup_name == "isnull":
            return IsNull
        if lookup_name == "exact":
            return _NullOrEmptyExact
        raise FieldError(_lookup_refused(self, lookup_name))

    def get_transform(self, lookup_name):
        raise FieldError(_lookup_refused(self, lookup_name))


class DigestField(models.CharField):
    """The lookup hash of another field's plain value, refreshed on every save."""

    description = "个人信息检索摘要（HMAC-SM3）"

    _own_defaults = {"max_length": 64, "editable": False, "db_index": True, "null": True, "blank": True}

    def __init__(self, *args, source: str, kind: str | None = None, **kwargs):
        if kind is not None and kind not in KINDS:
            raise ValueError(f"未知的个人信息类型 {kind!r}，应为 {', '.join(KINDS)} 之一")
        self.source = source
        self._kind = kind
        for key, default in self._own_defaults.items():
            kwargs.setdefault(key, default)
        super().__init__(*args, **kwargs)

    @property
    def kind(self) -> str:
        """Named explicitly, or else the kind of the source EncryptedTextField."""
        if self._kind:
            return self._kind
        return getattr(self.model._meta.get_field(self.source), "kind", "text")

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        try:
            self.model._meta.get_field(self.source)
        except FieldDoesNotExist:
            errors.append(
                checks.Error(
                    f"DigestField 的 source={self.source!r} 不是本模型的字段。",
                    obj=self,
                    id="fazhi.E102",
                )
            )
        return errors

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        if self._kind:
            kwargs["kind"] = self._kind
        for key, default in self._own_defaults.items():
            kwargs.pop(key, None)
            if getattr(self, key) != default:
                kwargs[key] = getattr(self, key)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        plain = getattr(model_instance, self.source)
        if is_token(plain):  # this field may come before its source, whose pre_save decrypts
            plain = decrypt(plain)
        value = lookup_hash(self.kind, plain) if plain else None
        setattr(model_instance, self.attname, value)
        return value


def digest_field_for(model, field_name: str) -> DigestField:
    for field in model._meta.get_fields():
        if isinstance(field, DigestField) and field.source == field_name:
            return field
    raise FieldError(f"{model.__name__}.{field_name} 没有 DigestField，不能按完整值查找；请在模型中添加。")


def personal_lookup(queryset, field_name: str, value: str):
    """Records whose ``field_name`` equals ``value`` after normalisation (exact match only)."""
    digest = digest_field_for(queryset.model, field_name)
    return queryset.filter(**{digest.attname: lookup_hash(digest.kind, value)})


class MaskedField(models.CharField):
    """The masked spelling of another field's value (``****1234``), refreshed on every save like the
    digest: lists show it as it is, with no decryption per row (``fazhi.ledger.api``'s list rows). It
    holds nothing a page would not show anyway."""

    description = "个人信息遮蔽值"

    _own_defaults = {"max_length": 32, "editable": False, "blank": True, "default": ""}

    def __init__(self, *args, source: str, kind: str, **kwargs):
        if kind not in KINDS:
            raise ValueError(f"未知的个人信息类型 {kind!r}，应为 {', '.join(KINDS)} 之一")
        self.source, self.kind = source, kind
        for key, default in self._own_defaults.items():
            kwargs.setdefault(key, default)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(source=self.source, kind=self.kind)
        for key in self._own_defaults:
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        plain = getattr(model_instance, self.source)
        if is_token(plain):  # this field may come before its source, whose pre_save decrypts
            plain = decrypt(plain)
        value = mask(self.kind, plain)
        setattr(model_instance, self.attname, value)
        return value


def masked_field_for(model, field_name: str) -> "MaskedField | None":
    """The MaskedField that keeps ``field_name`` masked, if the model has one."""
    for field in model._meta.get_fields():
        if isinstance(field, MaskedField) and field.source == field_name:
            return field
    return None


def fill_masked(apps, model_labels) -> None:
    """Data migration step: compute the masked columns of rows saved before they existed (decrypting
    each value once, in batches), without touching anything else."""
    from fazhi.crypto import decrypt as _decrypt

    for label in model_labels:
        model = apps.get_model(label)
        masked = [f for f in model._meta.concrete_fields if isinstance(f, MaskedField)]
        sources = sorted({f.source for f in masked})
        last = 0
        while True:
            # Raw tokens: the historical model's EncryptedTextField decrypts too, but this keeps it explicit.
            rows = list(model._base_manager.filter(pk__gt=last).order_by("pk").values("pk", *sources)[:2000])
            if not rows:
                break
            changed = []
            for row in rows:
                instance = model(pk=row["pk"])
                for field in masked:
                    plain = row[field.source]
                    if is_token(plain):
                        plain = _decrypt(plain)
                    setattr(instance, field.attname, mask(field.kind, plain))
                changed.append(instance)
            model._base_manager.bulk_update(changed, [f.attname for f in masked])
            last = rows[-1]["pk"]
