"""Benchmark of the report analyzer on a ~20,000-character report.

    python bench/bench_analyzer.py [--runs N] [--chars N]

The report is the three seed reports concatenated (repeated until long enough); the seeds are found
in $FAZHI_SEEDS_DIR, default ../shared/seeds next to the repository. Prints the median time of one
analysis (target: well under one second) and its ratio to a floor measured in the same run:
decoding the bytes and one regular-expression pass that finds every number with its unit.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fazhi.reports.analyzer import analyze  # noqa: E402

NUMBERS = re.compile(r"\d+(?:\.\d+)?\s*(?:%|件|人|份|起|宗|万元|元|次|场)?")
SEEDS = Path(os.environ.get("FAZHI_SEEDS_DIR", ROOT / ".." / "shared" / "seeds"))


def build_report(chars: int) -> bytes:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"没有找到样本报告：{SEEDS}（请设置 FAZHI_SEEDS_DIR）")
    report = ""
    while len(report) < chars:
        report += "\n".join(texts) + "\n"
    return report[:chars].encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true", help="5 runs")
    options = parser.parse_known_args()[0]  # the runner passes the bench names too
    if options.quick:
        options.runs = 5
    data = build_report(options.chars)
    analyze(data)  # warm-up: regex compilation, lazy imports
    times = []
    for _ in range(options.runs):
        started = time.perf_counter()
        result = analyze(data)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    floor_times = []
    for _ in range(options.runs):
        started = time.perf_counter()
        found = NUMBERS.findall(data.decode("utf-8"))
        floor_times.append(time.perf_counter() - started)
    floor = statistics.median(floor_times)
    print(
        f"{options.chars} 字报告，分析 {options.runs} 次：中位数 {median * 1000:.1f} ms，"
        f"最慢 {max(times) * 1000:.1f} ms（提纲 {len(result.outline)} 项，数字 {len(result.figures)} 个）"
    )
    print(
        f"下限（解码并用一个正则找出全部数字，{len(found)} 个）：中位数 {floor * 1000:.2f} ms；比值 {median / floor:.1f}"
    )
    if median >= 1.0:
        sys.exit("超过 1 秒：分析器需要优化")


if __name__ == "__main__":
    main()
