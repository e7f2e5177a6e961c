"""Issue 12: a .docx that decompresses far beyond a report (a 1.5 MB file took 3.1 GB) is refused on its
zip directory, within a second and in bounded memory, with the limit in Chinese."""

import io
import time
import tracemalloc
import zipfile

import pytest

from fazhi.reports.analyzer import decode
from fazhi.reports.analyzer.errors import ReportUnreadable


def docx(parts: dict[str, int]) -> bytes:
    """A .docx whose parts are this many MB of XML-ish filler each (written in chunks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, megabytes in parts.items():
            with archive.open(name, "w", force_zip64=True) as stream:
                for _ in range(megabytes):
                    stream.write(b" " * (1024 * 1024))
    return buffer.getvalue()


def refused(data: bytes) -> str:
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ReportUnreadable) as info:
        decode.read_bytes(data, "报告.docx")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0, elapsed
    assert peak < 16 * 1024 * 1024, peak
    return str(info.value)


def test_fifty_mb_of_xml_outside_the_document_part_is_refused():
    data = docx({"word/styles.xml": 50})
    assert len(data) < 1024 * 1024
    message = refused(data)
    assert f"{decode.MAX_DOCX_XML_BYTES // (1024 * 1024)} MB" in message


def test_a_bomb_in_the_document_part_is_refused():
    message = refused(docx({"word/header1.xml": 10, "word/footer1.xml": 10}))
    assert "MB" in message and "正文" in message


def test_pictures_beyond_the_unpacked_limit_are_refused():
    message = refused(docx({"word/media/image1.png": 50}))
    assert f"{decode.MAX_DOCX_UNPACKED_BYTES // (1024 * 1024)} MB" in message and "图片" in message


def test_a_docx_of_many_entries_is_refused_before_its_directory_is_listed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(60_000):
            archive.writestr(f"{n:x}", b"")
    message = refused(buffer.getvalue())
    assert f"{decode.MAX_DOCX_PARTS} 个" in message
