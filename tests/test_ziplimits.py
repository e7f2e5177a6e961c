"""The zip's end record read before the directory is parsed: counts as zipfile does, ZIP64 included."""

import io
import zipfile

from fazhi.ziplimits import directory, directory_problem


def zip_of(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for n in range(count):
            archive.writestr(f"{n:x}", b"")
    return buffer.getvalue()


def test_the_declared_directory_is_what_zipfile_lists():
    data = zip_of(30)
    found = directory(data)
    assert found.entries == len(zipfile.ZipFile(io.BytesIO(data)).infolist()) == 30
    assert 0 < found.size < len(data)


def test_a_zip64_end_record_is_read():
    data = zip_of(0x10000 + 5)  # more entries than the classic end record can count
    assert directory(data).entries == 0x10000 + 5
    assert directory_problem(data, max_entries=10_000, max_bytes=10**9) == "entries"


def test_a_file_without_an_end_record_is_damaged():
    assert directory(b"PK\x03\x04 not a whole zip") is None
    assert directory_problem(b"", max_entries=1, max_bytes=1) == "damaged"


def test_a_comment_after_the_end_record_is_allowed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a", b"x")
        archive.comment = b"PK\x05\x06 in a comment" + b" " * 100
    assert directory(buffer.getvalue()).entries == 1
