"""Record ids as forms and links send them."""

# A key is a bigint at most (19 digits); a longer number names no record on either database.
_MAX_DIGITS = 18


def record_id(value) -> int | None:
    """The id in ``value`` ("42", " 42 "), or None for anything else — missing, "abc", "²", "-1", a number
    too long for a key — so that a view answers it like an id it does not know instead of failing on it."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS:
        return int(text)
    return None
