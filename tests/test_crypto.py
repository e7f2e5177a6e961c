import base64

import pytest
from gmssl.sm3 import sm3_hash
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.crypto import CryptoError, decrypt, encrypt, hmac_sm3_hex, is_token, lookup_hash, sm3_hex

KEY_A = "0123456789abcdeffedcba9876543210"
KEY_B = "00112233445566778899aabbccddeeff"


@pytest.fixture(autouse=True)
def known_keys(settings):
    settings.FAZHI_DATA_KEY = KEY_A
    settings.FAZHI_LOOKUP_KEY = "ab" * 32
    settings.FAZHI_DATA_KEY_VERSION = 1
    settings.FAZHI_RETIRED_DATA_KEYS = {}


def test_sm3_standard_vectors():
    # GB/T 32905-2016, appendix A: the one-block and the two-block example.
    assert sm3_hex(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert sm3_hex(b"abcd" * 16) == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"


@given(st.binary(max_size=200))
@settings(max_examples=60, deadline=None)
def test_sm3_agrees_with_gmssl_at_every_length(data):
    assert sm3_hex(data) == sm3_hash(list(data))


def _rfc2104_hmac_sm3(key: bytes, message: bytes) -> str:
    """HMAC written straight from RFC 2104 with gmssl's one-shot SM3, as an independent reference."""
    if len(key) > 64:
        key = bytes.fromhex(sm3_hash(list(key)))
    key = key + b"\x00" * (64 - len(key))
    inner = bytes.fromhex(sm3_hash([k ^ 0x36 for k in key] + list(message)))
    return sm3_hash([k ^ 0x5C for k in key] + list(inner))


@pytest.mark.parametrize("key_len", [0, 16, 32, 63, 64, 65, 100])
@pytest.mark.parametrize("message", [b"", b"abc", "调解协议书".encode() * 20])
def test_hmac_sm3_matches_rfc2104(key_len, message):
    key = bytes(range(key_len))
    assert hmac_sm3_hex(key, message) == _rfc2104_hmac_sm3(key, message)


def test_hmac_sm3_depends_on_key_and_message():
    assert hmac_sm3_hex(b"k1", b"m") == hmac_sm3_hex(b"k1", b"m")
    assert hmac_sm3_hex(b"k1", b"m") != hmac_sm3_hex(b"k2", b"m")
    assert hmac_sm3_hex(b"k1", b"m") != hmac_sm3_hex(b"k1", b"n")
    assert hmac_sm3_hex(b"k1", b"m") != sm3_hex(b"k1m")


@pytest.mark.parametrize(
    "text",
    ["", "a", "0123456789abcdef", "440301199001011234", "张三，住深圳市龙华区观澜街道", "😀 mixed 文本"],
)
def test_round_trip(text):
    token = encrypt(text)
    assert token.startswith("sm4:1:")
    assert decrypt(token) == text


@given(st.text(max_size=80))
@settings(max_examples=40, deadline=None)
def test_round_trip_any_text(text):
    assert decrypt(encrypt(text)) == text


def test_same_value_encrypts_differently_each_time():
    assert encrypt("13812345678") != encrypt("13812345678")


def test_token_holds_no_plain_text():
    raw = base64.b64decode(encrypt("13812345678").split(":", 2)[2])
    assert b"13812345678" not in raw
    assert len(raw) == 16 + 16 + 32  # iv, one padded block, tag


def _flip(token: str, index: int) -> str:
    prefix, body = token.rsplit(":", 1)
    raw = bytearray(base64.b64decode(body))
    raw[index] ^= 0x01
    return f"{prefix}:{base64.b64encode(bytes(raw)).decode()}"


@pytest.mark.parametrize("index", [0, 15, 16, 31, -1])  # iv, ciphertext, tag
def test_tampering_is_detected(index):
    token = encrypt("440301199001011234")
    with pytest.raises(CryptoError, match="篡改"):
        decrypt(_flip(token, index))


def test_truncated_and_malformed_tokens_are_refused():
    token = encrypt("440301199001011234")
    with pytest.raises(CryptoError, match="截断"):
        decrypt(token[:-24])
    with pytest.raises(CryptoError, match="格式"):
        decrypt("440301199001011234")
    with pytest.raises(CryptoError, match="Base64"):
        decrypt("sm4:1:AAAAA")


def test_swapping_the_version_is_detected(settings):
    token = encrypt("13812345678")
    settings.FAZHI_RETIRED_DATA_KEYS = {2: KEY_A}
    with pytest.raises(CryptoError, match="篡改"):
        decrypt(token.replace("sm4:1:", "sm4:2:"))


def test_token_from_another_key_is_refused(settings):
    token = encrypt("13812345678")
    settings.FAZHI_DATA_KEY = KEY_B
    with pytest.raises(CryptoError, match=r"篡改|密钥"):
        decrypt(token)
    assert not is_token(token)


def test_unknown_key_version_names_the_setting():
    with pytest.raises(CryptoError, match="FAZHI_RETIRED_DATA_KEYS"):
        decrypt(encrypt("x").replace("sm4:1:", "sm4:7:"))


def test_key_rotation_keeps_old_tokens_readable(settings):
    old = encrypt("老数据")
    settings.FAZHI_DATA_KEY = KEY_B
    settings.FAZHI_DATA_KEY_VERSION = 2
    settings.FAZHI_RETIRED_DATA_KEYS = {"1": KEY_A}
    new = encrypt("新数据")
    assert new.startswith("sm4:2:")
    assert decrypt(old) == "老数据"
    assert decrypt(new) == "新数据"


def test_bad_key_configuration_is_explained(settings):
    settings.FAZHI_DATA_KEY = "not-hex"
    with pytest.raises(CryptoError, match="FAZHI_DATA_KEY"):
        encrypt("x")


def test_is_token():
    assert is_token(encrypt("x"))
    assert not is_token("sm4:1:AAAA")
    assert not is_token("13812345678")
    assert not is_token(None)


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        ("id_number", "11010519491231002x", " 110105 19491231 002X "),
        ("id_number", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        ("phone", "+86 138-1234-5678", "13812345678"),
        ("phone", "8613812345678", "138 1234 5678"),
        ("phone", "0086 13812345678", "13812345678"),
        ("phone", "0571-88888888", "(0571) 8888 8888"),
        ("text", " 张三 ", "张三"),
    ],
)
def test_lookup_hash_is_taken_over_the_normalised_value(kind, a, b):
    assert lookup_hash(kind, a) == lookup_hash(kind, b)


def test_lookup_hash_separates_values_kinds_and_keys(settings):
    base = lookup_hash("phone", "13812345678")
    assert len(base) == 64
    assert base != lookup_hash("phone", "13812345679")
    assert base != lookup_hash("text", "13812345678")
    # A landline's area code is never mistaken for a country code.
    assert lookup_hash("phone", "8612345678") != lookup_hash("phone", "12345678")
    settings.FAZHI_LOOKUP_KEY = "cd" * 32
    assert base != lookup_hash("phone", "13812345678")


def test_lookup_hash_refuses_unknown_kind():
    with pytest.raises(ValueError, match="未知的个人信息类型"):
        lookup_hash("email", "a@b.c")
