"""How the cost of the district's figures grows with the district: 1, 3 and 10 街道 × 1 and 5 years.

    .venv/bin/python -m bench scale [--quick] [--scale 0.1] [--repeat 3]

For each size a fresh database (another SQLite file under var/bench/, or <name>_scale on the
PostgreSQL server of DATABASE_URL) is filled by gen_data at the reduced --scale, then the figures
of the whole district for the last year are timed — the registry (values() of every computed figure,
with the year before) and the hand-written SQL floor — and checked equal. Prints a markdown table.

Then, on the largest size, how the cost grows with the number of ledgers: the figures of the first 1, 2, …
ledgers (in the navigation's order) timed the same way, registry against the SQL of those ledgers.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support

STREETS, YEARS = (1, 3, 10), (1, 5)
QUICK_STREETS, QUICK_YEARS = (1, 3), (1, 2)
LAST_YEAR = 2025
# Which ledger each figure code's prefix belongs to, and the hand-written SQL that computes its figures
# (bench.figures_sql's litigation() also gives the letters' suggestions.* and reminders.*).
LEDGER_OF_PREFIX = {
    "disputes": "disputes", "legal": "legal", "enforcement": "enforcement", "litigation": "litigation",
    "suggestions": "oversight", "reminders": "oversight", "oversight": "oversight", "petitions": "petitions",
    "demands": "petitions", "council": "petitions", "disclosure": "disclosure", "study": "learning",
    "training": "learning", "pufa": "learning", "services": "learning", "lead": "learning", "literate": "learning",
    "exam": "learning",
}  # fmt: skip
SQL_OF_LEDGER = {
    "disputes": ("figures_sql", "disputes"), "legal": ("figures_sql", "legal"),
    "litigation": ("figures_sql", "litigation"), "oversight": ("figures_sql_more", "oversight"),
    "enforcement": ("figures_sql_more", "enforcement"), "petitions": ("figures_sql_more", "petitions"),
    "disclosure": ("figures_sql_more", "disclosure"), "learning": ("figures_sql_more", "learning"),
}  # fmt: skip


def by_ledger_count(district, codes, period, before, repeat: int) -> list[dict]:
    """The figures of the first k ledgers, k = 1 … all: registry and hand SQL timed and checked equal."""
    from importlib import import_module

    from bench import figures_sql_more
    from fazhi.figures.values import values
    from fazhi.ledger.registry import ledgers

    names = [ledger.namespace for ledger in ledgers()]
    unknown = {c for c in codes if LEDGER_OF_PREFIX.get(c.split(".", 1)[0]) not in names}
    if unknown:
        sys.exit(f"指标不属于已知台账（请补充 LEDGER_OF_PREFIX）：{sorted(unknown)[:5]}")
    prefix = district.path + "%"
    result = []
    for count in range(1, len(names) + 1):
        chosen = set(names[:count])
        subset = [c for c in codes if LEDGER_OF_PREFIX[c.split(".", 1)[0]] in chosen]
        functions = {SQL_OF_LEDGER[name] for name in chosen}
        if "oversight" in chosen:
            functions.add(SQL_OF_LEDGER["litigation"])  # the letters' suggestions.* codes
        functions = [getattr(import_module(f"bench.{module}"), name) for module, name in sorted(functions)]

        def sql(start, end, functions=functions):
            merged = {}
            for function in functions:
                merged.update(function(prefix, start, end))
            return merged

        spent, found, floor, (now, then) = support.side_by_side(
            lambda subset=subset: values(district, subset, period),
            lambda sql=sql: (sql(period.start, period.end), sql(before.start, before.end)),
            repeat,
        )
        wrong = [c for c in subset if (found[c].value, found[c].previous) != (now[c], then[c])]
        wrong = [c for c in wrong if c not in figures_sql_more.wrong_on_this_engine()]
        if wrong:
            sys.exit(f"指标与手写SQL不一致：{wrong[:5]}")
        result.append({"ledger": names[count - 1], "codes": len(subset), "figures": spent, "floor": floor})
    return result


def worker(streets: int, years: int, scale: float, repeat: int, ledger_growth: bool = False) -> dict:
    """In a process of its own (Django is set up once per process, on this size's database)."""
    support.setup_django(os.environ["DATABASE_URL"])
    from django.core.management import call_command

    from bench import figures_sql, figures_sql_more
    from fazhi.figures import registry
    from fazhi.figures.periods import Period
    from fazhi.figures.values import values
    from fazhi.ops.gen import generate

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    rows = sum(
        generate(
            streets=streets, years=years, start_year=LAST_YEAR - years + 1, scale=scale, out=lambda _: None
        ).values()
    )
    generated = time.perf_counter() - began
    district = support.district()
    period = Period.year(LAST_YEAR)
    before = period.previous_year()
    prefix = district.path + "%"
    codes = [f.code for f in registry.all_figures() if not f.hand_entered]
    codes = [c for c in codes if c in figures_sql.figures(prefix, period.start, period.end)]
    spent, found, floor, (now, then) = support.side_by_side(
        lambda: values(district, codes, period), lambda: figures_sql.both_years(prefix, period), repeat
    )
    wrong = [c for c in codes if (found[c].value, found[c].previous) != (now[c], then[c])]
    wrong = [c for c in wrong if c not in figures_sql_more.wrong_on_this_engine()]  # an old SQLite's bug
    if wrong:
        sys.exit(f"指标与手写SQL不一致：{wrong[:5]}")
    growth = by_ledger_count(district, codes, period, before, repeat) if ledger_growth else []
    return {
        "rows": rows, "generated": generated, "figures": spent, "floor": floor, "codes": len(codes), "ledgers": growth,
    }  # fmt: skip


def main() -> None:
    def add(parser):
        parser.add_argument("--scale", type=float, default=0.1)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument(
            "--worker",
            nargs=2,
            type=int,
            metavar=("STREETS", "YEARS"),
            help="内部使用：在单独进程中生成并计时",
        )
        parser.add_argument("--ledgers", action="store_true", help="内部使用：另按台账数计时")

    options = support.options(__doc__.splitlines()[0], add)
    if options.worker:
        result = worker(*options.worker, options.scale, options.repeat, options.ledgers)
        print("RESULT " + json.dumps(result))
        return
    streets, years = (QUICK_STREETS, QUICK_YEARS) if options.quick else (STREETS, YEARS)
    scale = 0.02 if options.quick else options.scale
    base = support.database_url("scale")
    print(
        f"数据库：{support.engine_label(base)}；倍率 {scale}（每街道每年约 {3000 * scale:,.0f} 件纠纷）；统计 {LAST_YEAR} 年全区"
    )
    print("| 街道 | 年 | 台账行数 | 生成用时 | 全区指标（注册表） | 手写SQL | 比值 |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    growth = []
    for street_count in streets:
        for year_count in years:
            url = support.sibling_database(base, "scale")
            command = [sys.executable, __file__, "--worker", str(street_count), str(year_count)]
            command += ["--scale", str(scale), "--repeat", str(options.repeat)]
            if (street_count, year_count) == (streets[-1], years[-1]):
                command.append("--ledgers")
            done = subprocess.run(
                command, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True
            )
            line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
            if line is None:
                sys.exit(f"{street_count} 个街道 × {year_count} 年失败：\n{done.stderr[-2000:]}")
            r = json.loads(line.removeprefix("RESULT "))
            print(
                f"| {street_count} | {year_count} | {r['rows']:,} | {r['generated']:.1f} s | "
                f"{r['figures'] * 1000:,.0f} ms | {r['floor'] * 1000:,.1f} ms | {r['figures'] / r['floor']:.1f} |",
                flush=True,
            )
            growth = r["ledgers"] or growth
    print(f"\n按台账数（{streets[-1]} 个街道 × {years[-1]} 年，全区指标，台账按导航顺序累加）：")
    print("| 台账数 | 加入的台账 | 指标数 | 注册表 | 手写SQL | 比值 |")
    print("|---:|---|---:|---:|---:|---:|")
    for count, row in enumerate(growth, start=1):
        print(
            f"| {count} | {row['ledger']} | {row['codes']} | {row['figures'] * 1000:,.0f} ms | "
            f"{row['floor'] * 1000:,.1f} ms | {row['figures'] / row['floor']:.1f} |"
        )


if __name__ == "__main__":
    main()
