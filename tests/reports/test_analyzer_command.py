"""`fazhi analyze_report PATH [--json]`."""

import io
import json

import pytest
from django.core.management import call_command

from fazhi.figures import registry
from fazhi.reports.management.commands.analyze_report import Command
from tests.conftest import SEEDS, seed_path

WUCHANG = SEEDS / "004_8030a51ea79497b7.txt"


@pytest.fixture
def wuchang_path():
    return seed_path(WUCHANG.name)


def run(*args):
    out = io.StringIO()
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def test_json_output_is_one_object_with_the_documented_keys(wuchang_path):
    data = json.loads(run(str(wuchang_path), "--json"))
    assert {"title", "issuer", "year", "signed", "outline", "mandated", "figures"} <= set(data)
    assert data["issuer"] == "杭州市余杭区人民政府五常街道办事处" and data["year"] == 2024
    assert data["signed"] == "2024-02-18"
    first = data["outline"][0]
    assert {"number", "title", "start", "end", "children"} <= set(first)
    assert first["number"] == "一、" and first["children"][0]["number"] == "(一)"
    assert all({"key", "present", "heading"} <= set(item) for item in data["mandated"])
    assert data["missing"] == []
    mediated = next(f for f in data["figures"] if f["text"] == "3212件")
    assert {k: mediated[k] for k in ("value", "unit", "subject", "approx", "code")} == {
        "value": 3212,
        "unit": "件",
        "subject": "调解成功",
        "approx": [],
        "code": registry.code_for_phrase("调解成功"),  # None until a ledger app declares it
    }
    assert "text" not in data
    with_text = json.loads(run(str(wuchang_path), "--json", "--include-text"))
    assert with_text["text"][mediated["start"] : mediated["end"]] == "3212件"


def test_json_is_not_ascii_escaped(wuchang_path):
    assert "调解成功" in run(str(wuchang_path), "--json")


def test_readable_summary(wuchang_path):
    out = run(str(wuchang_path))
    assert "发布机关：杭州市余杭区人民政府五常街道办事处" in out
    assert "[有] 其他需要报告的情况 —— 五、其他需要报告的情况" in out
    lines = out.splitlines()
    assert any(line.startswith("  接收矛盾纠纷：3218件，较去年同比上升18.22%") for line in lines)
    assert any(line.startswith("  联合开展合法性审查行政机关合同：959余份（约数）") for line in lines)


def test_unreadable_file_exits_with_code_2_and_a_chinese_message(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["fazhi", "analyze_report", str(empty), "--json"])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "文件为空" in captured.err
