"""Where LibreOffice is installed, the yearly report exported to Word converts to a PDF that shows its six
parts and the three tables (二 with its items, 三 with its rows, 四). The reply letter's PDF:
test_disclosure_letter_job.py."""

import datetime
import os
import shutil
import subprocess

import pytest

from fazhi.disclosure import services
from fazhi.disclosure.annual_report import report_docx
from fazhi.disclosure.table import annual_tables
from tests.disclosure.disclosure_fixtures import new_request

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("pinned_clock"),
    pytest.mark.skipif(OFFICE is None or PDFTOTEXT is None, reason="本机未安装 LibreOffice 或 pdftotext"),
]


def test_tables_word_converts_to_a_pdf_with_the_tables(tree, person, tmp_path):
    clerk = person("gk", "petition", tree["a"])
    r = new_request(clerk, tree["a"], received_on=datetime.date(2026, 3, 2))
    services.reply(clerk, r, r.version, replied_on=datetime.date(2026, 3, 20), outcome="public")
    source = tmp_path / "tables.docx"
    source.write_bytes(report_docx(tree["a"], 2026, annual_tables(tree["a"], 2026)))
    home = tmp_path / "home"
    home.mkdir()
    subprocess.run(
        [OFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        env={**os.environ, "HOME": str(home)}, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "tables.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    flat = "".join(text.split())
    if "收到和处理" not in flat:
        pytest.skip("本机没有中文字体，PDF 中的中文无法渲染")
    assert "二、主动公开政府信息情况" in flat and "第二十条第（八）项" in flat and "行政事业性收费" in flat
    assert "三、收到和处理政府信息公开申请情况" in flat
    assert "四、结转下年度继续办理" in flat and "本机关不掌握相关政府信息" in flat
    assert "四、政府信息公开行政复议、行政诉讼情况" in flat and "复议后起诉" in flat
    assert (
        flat.index("一、总体情况")
        < flat.index("五、存在的主要问题及改进情况")
        < flat.index("六、其他需要报告的事项")
    )
