"""A Word document made by a ledger (a reply letter, a decision) as PDF, through LibreOffice (``soffice
--headless --convert-to pdf``): the converter the project's tests already use for the reports, and the
one maintained converter that renders a .docx with its tables, fonts and page layout — the Python PDF
libraries draw PDFs from scratch and would mean a second layout of every document.

Each conversion runs in its own temporary directory with its own LibreOffice profile and HOME: one
profile cannot be used by two processes at once, and the server's own HOME stays untouched. Without
LibreOffice, or when it fails or takes too long, the person is told in Chinese and keeps the Word file."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

from fazhi.errors import FazhiError

TIMEOUT_SECONDS = 120


def office() -> str | None:
    """The LibreOffice program, or None (settings.FAZHI_SOFFICE names it when it is not on the PATH)."""
    named = getattr(settings, "FAZHI_SOFFICE", "")
    return named or shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(content: bytes, *, name: str = "document") -> bytes:
    program = office()
    if program is None:
        raise FazhiError(
            "本系统所在服务器未安装 LibreOffice，暂时无法生成 PDF；请下载 Word 版本，用 Word 或 WPS 另存为 PDF。",
            code="pdf_unavailable",
        )
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
        folder = Path(work)
        source = folder / f"{name}.docx"
        source.write_bytes(content)
        home = folder / "home"
        home.mkdir()
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            subprocess.run(  # a fixed program and arguments, no shell
                command,
                env={**os.environ, "HOME": str(home)},
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise FazhiError(
                "生成 PDF 超时或转换程序无法启动，请稍后重试，或下载 Word 版本后另存为 PDF。",
                code="pdf_failed",
            ) from exc
        result = folder / f"{name}.pdf"
        data = result.read_bytes() if result.exists() else b""
    if not data.startswith(b"%PDF"):
        raise FazhiError("生成 PDF 失败，请稍后重试，或下载 Word 版本后另存为 PDF。", code="pdf_failed")
    return data
