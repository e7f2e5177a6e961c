"""The dispute figures and breakdowns over a year of 50,000 disputes, for the 街道 and for one 社区.

    .venv/bin/python bench/bench_disputes_figures.py [--disputes 50000] [--repeat 3]

Runs on a throwaway SQLite database under var/bench/ (never the project's database); the disputes
are written with the demo's generator and bulk insert.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "var" / "bench" / "disputes_figures.sqlite3"
DB.parent.mkdir(parents=True, exist_ok=True)
DB.unlink(missing_ok=True)
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from fazhi.demo.tree import build_orgs, build_people  # noqa: E402
from fazhi.disputes.demo import COMMUNITY_UNITS, Maker, _assist, _closed_year, _even, _write  # noqa: E402
from fazhi.figures import registry  # noqa: E402
from fazhi.orgs.models import Organisation  # noqa: E402

YEAR = 2024


def compute_all(org) -> dict:
    orgs = Organisation.objects.subtree_of([org])
    start, end = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
    values = {
        f.code: f.compute(orgs, start, end) for f in registry.all_figures() if f.code.startswith("disputes.")
    }
    for item in registry.all_breakdowns():
        if item.code.startswith("disputes."):
            values[item.code] = registry.parts(item, orgs, start, end)
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--disputes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="2,000 disputes")
    args = parser.parse_known_args()[0]  # the runner passes the bench names too
    if args.quick:
        args.disputes = 2_000
    call_command("migrate", verbosity=0)
    orgs = build_orgs()
    maker = Maker(orgs, build_people(orgs), seed=1)
    n = args.disputes
    plan = [("wuchang-tw", n * 2 // 5), *_even(COMMUNITY_UNITS, n - n * 2 // 5 - 200), ("wuchang-ls", 200)]
    began = time.perf_counter()
    items = _closed_year(maker, YEAR, plan, successes=int(n * 0.97))
    _assist(items, orgs["wuchang-jm"], n // 5, maker.rng, since=datetime.date(YEAR, 7, 1))
    _write(maker, items, "bench")
    print(f"写入 {n:,} 件纠纷（含当事人、调解记录、分派记录）：{time.perf_counter() - began:.1f} s")
    for code in ("wuchang", "wuchang-wy"):
        timings = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            values = compute_all(orgs[code])
            timings.append(time.perf_counter() - began)
        print(
            f"{orgs[code].name}：{len(values)} 项指标与分类统计，"
            f"中位 {statistics.median(timings):.3f} s（共 {args.repeat} 次）；接收 {values['disputes.received']:,} 件，"
            f"调解成功 {values['disputes.mediated_success']:,} 件"
        )


if __name__ == "__main__":
    main()
