"""The `fazhi` command speaks Chinese where argparse would answer in English."""

import os
import subprocess
import sys
from pathlib import Path

# the console script `pip install` made beside this interpreter, as the office's IT staff run it
FAZHI = Path(sys.executable).with_name("fazhi")
# the suite's settings module (tests.settings) imports from the checkout
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def fazhi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([FAZHI, *args], capture_output=True, text=True, timeout=120, check=False, env=ENV)


def test_a_missing_argument_is_named_in_chinese_with_where_to_read_the_usage():
    run = fazhi("seed_coverage", "wuchang")
    assert run.returncode == 2
    last = run.stderr.strip().splitlines()[-1]
    assert (
        last
        == "fazhi seed_coverage：错误：缺少必填参数：year, seed。运行 fazhi seed_coverage --help 查看用法。"
    )
    assert run.stderr.startswith("用法：")


def test_a_bad_value_and_the_help_are_in_chinese():
    run = fazhi("migrate", "--database", "nowhere")
    assert "参数 --database：无效的选项值 'nowhere'（可选：'default'）" in run.stderr
    page = fazhi("seed_coverage", "--help").stdout
    assert page.startswith("用法：") and "位置参数：" in page and "显示本帮助并退出" in page
