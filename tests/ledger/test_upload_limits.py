"""Issue 12: an .xlsx that decompresses into hundreds of MB, or holds millions of cells, is refused on its
zip directory and a streamed count, within a second and in bounded memory, with the limit in Chinese."""

import io
import time
import tracemalloc
import zipfile

import pytest

from fazhi.ledger import excel_read
from fazhi.ledger.excel import Column, Sheet, parse

SHEET = Sheet("测试台账", (Column("名称", "name", required=True),))
WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="测试台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def xlsx(parts: dict[str, bytes], padding: int = 0) -> bytes:
    """A workbook with these parts, plus ``padding`` MB of zeros (written in chunks: a zip bomb)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        for name, content in parts.items():
            archive.writestr(name, content)
        if padding:
            with archive.open("xl/media/image1.png", "w", force_zip64=True) as stream:
                for _ in range(padding):
                    stream.write(bytes(1024 * 1024))
    return buffer.getvalue()


def refused_quickly(data: bytes) -> str:
    tracemalloc.start()
    started = time.perf_counter()
    result = parse(SHEET, data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not result.ok
    assert elapsed < 1.0, elapsed
    assert peak < 16 * 1024 * 1024, peak  # the upload itself is a few hundred KB
    return str(result.errors[0])


def test_a_huge_shared_strings_part_is_refused_before_parsing():
    strings = b"<sst>" + b"<si><t>" + b"x" * (60 * 1024 * 1024) + b"</t></si></sst>"
    data = xlsx({"xl/sharedStrings.xml": strings})
    assert len(data) < 1024 * 1024
    message = refused_quickly(data)
    assert "sharedStrings.xml" in message and f"{excel_read.MAX_PART_BYTES // (1024 * 1024)} MB" in message


def test_a_zip_bomb_is_refused_on_its_declared_size():
    data = xlsx({}, padding=520)
    message = refused_quickly(data)
    assert "512 MB" in message


def test_too_many_cells_are_refused_before_openpyxl_reads_them(monkeypatch):
    monkeypatch.setattr(excel_read, "MAX_CELLS", 1000)
    row = "".join(f'<c r="A{n}" t="inlineStr"><is><t>x</t></is></c>' for n in range(1, 2))
    rows = "".join(f'<row r="{n}">{row.replace("A1", f"A{n}")}</row>' for n in range(1, 1200))
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    message = refused_quickly(xlsx({"xl/worksheets/sheet1.xml": sheet.encode()}))
    assert "单元格超过" in message


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_cells_are_counted_across_chunk_boundaries(monkeypatch, prefix):
    monkeypatch.setattr(excel_read, "_SCAN_CHUNK", 7)
    cells = f'<{prefix}c r="A1"><{prefix}v>1</{prefix}v></{prefix}c><{prefix}c/>' * 50 + "<col/><cfRule/>"
    data = xlsx({"xl/worksheets/sheet1.xml": cells.encode()})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        item = archive.getinfo("xl/worksheets/sheet1.xml")
        assert excel_read._count_cells(archive, item, 10_000) == 100


def many_entries(count: int, first: dict[str, bytes]) -> bytes:
    """A zip of ``first`` and then ``count`` empty entries: small to upload, costly to list."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in first.items():
            archive.writestr(name, content)
        for n in range(count):
            archive.writestr(f"{n:x}", b"")
    return buffer.getvalue()


def test_a_zip_of_many_entries_is_refused_on_its_end_record_before_the_directory_is_listed():
    data = many_entries(60_000, {"xl/workbook.xml": WORKBOOK.encode()})
    message = refused_quickly(data)  # listing 60,000 entries alone takes more memory than allowed
    assert f"{excel_read.MAX_ZIP_ENTRIES:,} 个" in message


def test_an_end_record_claiming_a_huge_directory_is_refused():
    data = bytearray(xlsx({"xl/worksheets/sheet1.xml": b"<worksheet/>"}))
    end = data.rfind(b"PK\x05\x06")
    data[end + 12 : end + 16] = (50 * 1024 * 1024).to_bytes(4, "little")  # size of the directory
    assert not parse(SHEET, bytes(data)).ok


def test_a_few_huge_cells_are_refused_before_openpyxl_holds_them():
    """Under the cell count, but 60 MB of XML in ten cells: openpyxl would hold each value whole."""
    huge = "".join(
        f'<c r="A{n}" t="inlineStr"><is><t>{"x" * (6 * 1024 * 1024)}</t></is></c>' for n in range(1, 11)
    )
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{huge}</row></sheetData></worksheet>'
    data = xlsx({"xl/worksheets/sheet1.xml": sheet.encode()})
    assert len(data) < 1024 * 1024
    assert "单元格的文字长达数 MB" in refused_quickly(data)


def test_an_ordinary_sheet_is_well_within_its_allowance():
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>张三{n}</t></is></c></row>' for n in range(1, 5000)
    )
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    with zipfile.ZipFile(io.BytesIO(xlsx({"xl/worksheets/sheet1.xml": sheet.encode()}))) as archive:
        assert excel_read._size_problem(archive) is None
