"""商用密码 for personal data: SM3 digests, HMAC-SM3, SM4 encryption at rest, keyed lookup hashes.

Tokens look like ``sm4:1:<base64(iv | ciphertext | tag)>``: SM4-CBC with a fresh random IV per
value, then HMAC-SM3 over ``sm4:<version>:`` | iv | ciphertext (encrypt-then-MAC), so that a
changed byte, a token from another installation or a swapped version is refused before any
decryption. The version names the data key; ``FAZHI_DATA_KEY_VERSION`` (default 1) is the key
new tokens use and ``FAZHI_RETIRED_DATA_KEYS`` ({version: hex key}) keeps older keys readable
while records are re-encrypted.

SM3 comes from OpenSSL through hashlib and SM4 from the `cryptography` package (OpenSSL too):
both are the vetted C implementations, hundreds of times faster than pure-Python ones.
"""

import base64
import functools
import hashlib
import hmac
import os
import re
import unicodedata

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings

TOKEN_PREFIX = "sm4:"
KINDS = ("id_number", "phone", "text")

_IV_BYTES = 16
_TAG_BYTES = 32
_TOKEN_RE = re.compile(r"^sm4:(\d{1,4}):([A-Za-z0-9+/=]+)$")
_MAC_LABEL = b"fazhi/sm4-token-mac/v1"


class CryptoError(ValueError):
    """A token that cannot be trusted or read: tampered, truncated or made with another key."""


# --- SM3 and HMAC-SM3 (RFC 2104), from OpenSSL ---------------------------------------------


def sm3_digest(data: bytes) -> bytes:
    return hashlib.new("sm3", bytes(data)).digest()


def sm3_hex(data: bytes) -> str:
    return sm3_digest(data).hex()


def hmac_sm3(key: bytes, data: bytes) -> bytes:
    return hmac.new(bytes(key), bytes(data), "sm3").digest()


def hmac_sm3_hex(key: bytes, data: bytes) -> str:
    return hmac_sm3(key, data).hex()


# --- keys ------------------------------------------------------------------------------------


def _key_from_hex(name: str, value: str, nbytes: int) -> bytes:
    try:
        key = bytes.fromhex(value)
    except (TypeError, ValueError):
        key = b""
    if len(key) != nbytes:
        raise CryptoError(f"密钥 {name} 应为 {nbytes * 2} 位十六进制字符；请检查环境变量配置")
    return key


def _current_version() -> int:
    return int(getattr(settings, "FAZHI_DATA_KEY_VERSION", 1))


def _data_key(version: int) -> bytes:
    if version == _current_version():
        return _key_from_hex("FAZHI_DATA_KEY", settings.FAZHI_DATA_KEY, 16)
    retired = {int(v): k for v, k in getattr(settings, "FAZHI_RETIRED_DATA_KEYS", {}).items()}
    if version not in retired:
        raise CryptoError(
            f"加密数据使用第 {version} 版密钥，本系统未配置该版本；"
            "请确认数据来自本系统，或在 FAZHI_RETIRED_DATA_KEYS 中补充旧密钥"
        )
    return _key_from_hex(f"FAZHI_RETIRED_DATA_KEYS[{version}]", retired[version], 16)


def _sm4_cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.SM4(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padder.update(plaintext) + padder.finalize()) + encryptor.finalize()


def _sm4_cbc_decrypt(key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    decryptor = Cipher(algorithms.SM4(key), modes.CBC(iv)).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(decryptor.update(ciphertext) + decryptor.finalize()) + unpadder.finalize()


@functools.lru_cache(maxsize=16)
def _mac_key(data_key: bytes) -> bytes:
    return hmac_sm3(data_key, _MAC_LABEL)


def audit_key(purpose: str) -> bytes:
    """A key for one use of FAZHI_AUDIT_KEY (the chain, checkpoints, backups): one secret, separate keys."""
    return _purpose_key(settings.FAZHI_AUDIT_KEY, purpose)


@functools.lru_cache(maxsize=8)
def _purpose_key(hex_key: str, purpose: str) -> bytes:
    return hmac_sm3(_key_from_hex("FAZHI_AUDIT_KEY", hex_key, 32), f"fazhi/{purpose}/v1".encode())


# --- SM4 tokens ------------------------------------------------------------------------------


def _tag(data_key: bytes, version: int, iv: bytes, ciphertext: bytes) -> bytes:
    return hmac_sm3(_mac_key(data_key), f"{TOKEN_PREFIX}{version}:".encode() + iv + ciphertext)


def encrypt(plaintext: str) -> str:
    version = _current_version()
    key = _data_key(version)
    iv = os.urandom(_IV_BYTES)
    ciphertext = _sm4_cbc_encrypt(key, iv, plaintext.encode("utf-8"))
    body = base64.b64encode(iv + ciphertext + _tag(key, version, iv, ciphertext)).decode("ascii")
    return f"{TOKEN_PREFIX}{version}:{body}"


def _open(token: str) -> tuple[bytes, bytes, bytes]:
    """Check a token's form and tag; return (key, iv, ciphertext)."""
    match = _TOKEN_RE.match(token) if isinstance(token, str) else None
    if not match:
        raise CryptoError("不是本系统的加密数据格式（应以 sm4:版本号: 开头）")
    version = int(match.group(1))
    try:
        raw = base64.b64decode(match.group(2), validate=True)
    except ValueError as exc:
        raise CryptoError("加密数据已损坏：内容不是有效的 Base64 编码") from exc
    body_len = len(raw) - _IV_BYTES - _TAG_BYTES
    if body_len < 16 or body_len % 16:
        raise CryptoError("加密数据已损坏：长度不正确，可能被截断")
    key = _data_key(version)
    iv, ciphertext, tag = raw[:_IV_BYTES], raw[_IV_BYTES:-_TAG_BYTES], raw[-_TAG_BYTES:]
    if not hmac.compare_digest(tag, _tag(key, version, iv, ciphertext)):
        raise CryptoError("加密数据校验失败：数据被篡改，或不是用本系统的密钥加密的")
    return key, iv, ciphertext


def decrypt(token: str) -> str:
    key, iv, ciphertext = _open(token)
    # The tag already vouched for the bytes; an odd padding or encoding here means a bug, not an attack.
    try:
        return _sm4_cbc_decrypt(key, iv, ciphertext).decode("utf-8")
    except (UnicodeDecodeError, ValueError) as exc:
        raise CryptoError("加密数据解密后不是有效文本；请检查密钥配置") from exc


def is_token(value: object) -> bool:
    """True for a token this installation made (the tag verifies); False for anything else."""
    if not isinstance(value, str) or not value.startswith(TOKEN_PREFIX):
        return False
    try:
        _open(value)
    except CryptoError:
        return False
    return True


# --- lookup hashes ---------------------------------------------------------------------------


def normalise(kind: str, value: str) -> str:
    """The canonical form two spellings of one value share: what the lookup hash is taken over."""
    if kind not in KINDS:
        raise ValueError(f"未知的个人信息类型 {kind!r}，应为 {', '.join(KINDS)} 之一")
    # NFKC folds full-width digits and letters (１３８…, ｘ) typed with a Chinese input method.
    text = unicodedata.normalize("NFKC", value or "").strip()
    if kind == "id_number":
        return re.sub(r"\s+", "", text).upper()
    if kind == "phone":
        digits = re.sub(r"\D", "", text)
        for prefix in ("0086", "86"):
            if digits.startswith(prefix) and len(digits) == len(prefix) + 11 and digits[len(prefix)] == "1":
                return digits[len(prefix) :]
        return digits
    return text


@functools.lru_cache(maxsize=4)
def _lookup_key(hex_key: str) -> bytes:
    return _key_from_hex("FAZHI_LOOKUP_KEY", hex_key, 32)


def lookup_hash(kind: str, value: str) -> str:
    """Keyed SM3 hash of the normalised value, for exact search over encrypted columns."""
    message = kind.encode() + b"\x00" + normalise(kind, value).encode("utf-8")
    return hmac_sm3_hex(_lookup_key(settings.FAZHI_LOOKUP_KEY), message)
