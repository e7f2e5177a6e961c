"""The size of an uploaded zip's central directory (.xlsx, .docx), read from its end record before
``zipfile.ZipFile`` parses the directory: the standard library builds one object per entry, so a
100 MB upload of two million empty entries would take a gigabyte before any limit on the entries
could be applied. The lowest layer: imports nothing of Fazhi; the callers word the refusal."""

import struct
from dataclasses import dataclass

_END = b"PK\x05\x06"  # end of central directory record
_END_FORMAT = "<4s4H2LH"
_END_SIZE = struct.calcsize(_END_FORMAT)  # 22 bytes, then a comment of up to 65,535 bytes
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_FORMAT = "<4sLQL"
_ZIP64_END = b"PK\x06\x06"
_ZIP64_END_FORMAT = "<4sQ2H2L4Q"


@dataclass(frozen=True)
class Directory:
    entries: int
    size: int  # bytes of the central directory


def directory(data: bytes) -> Directory | None:
    """What the zip's end record declares (ZIP64 included), or None when it has none that holds together."""
    start = _end_record(data)
    if start is None:
        return None
    _, _, _, _, entries, size, offset, _ = struct.unpack_from(_END_FORMAT, data, start)
    if entries == 0xFFFF or size == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        locator_at = start - struct.calcsize(_ZIP64_LOCATOR_FORMAT)
        if locator_at < 0 or data[locator_at : locator_at + 4] != _ZIP64_LOCATOR:
            return None
        _, _, end_at, _ = struct.unpack_from(_ZIP64_LOCATOR_FORMAT, data, locator_at)
        if end_at + struct.calcsize(_ZIP64_END_FORMAT) > len(data) or data[end_at : end_at + 4] != _ZIP64_END:
            return None
        record = struct.unpack_from(_ZIP64_END_FORMAT, data, end_at)
        entries, size = record[7], record[8]
    return Directory(entries=entries, size=size)


def _end_record(data: bytes) -> int | None:
    """Where the end record starts: the last signature whose comment runs exactly to the end of the file
    (a comment may itself contain the signature), else the last signature, as zipfile takes it."""
    floor = max(0, len(data) - _END_SIZE - 0xFFFF)
    start, last = len(data), None
    while (start := data.rfind(_END, floor, start)) >= 0:
        if start + _END_SIZE <= len(data):
            comment = struct.unpack_from("<H", data, start + _END_SIZE - 2)[0]
            if start + _END_SIZE + comment == len(data):
                return start
            last = start if last is None else last
    return last


def directory_problem(data: bytes, *, max_entries: int, max_bytes: int) -> str | None:
    """Says "entries" or "directory" when the declared directory is beyond the limits (or the file claims
    more directory than it holds), "damaged" when there is no end record, else None."""
    found = directory(data)
    if found is None:
        return "damaged"
    if found.entries > max_entries:
        return "entries"
    if found.size > max_bytes or found.size > len(data):
        return "directory"
    return None
