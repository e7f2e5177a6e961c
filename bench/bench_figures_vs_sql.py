"""Figures for one 街道-year and for the whole district: the registry (fazhi.figures values(), every
computed figure, this year and the year before) against hand-written SQL yielding the same numbers.

    .venv/bin/python -m bench figures_vs_sql [--quick] [--repeat=N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi_bench .venv/bin/python -m bench figures_vs_sql

The database is the generated district (10 街道 × 5 years, about a million ledger rows; generated on
the first run and kept: var/bench/district.sqlite3 unless DATABASE_URL is set). The bench asserts
that both ways give equal numbers. Each side runs --repeat times, in turn with the other (default: 3 at full
size, 15 at the quick size, where one run takes some tens of milliseconds and a median of three is noise).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support


def compare(org, year: int, repeat: int) -> None:
    from bench import figures_sql, figures_sql_more
    from fazhi.figures import registry
    from fazhi.figures.periods import Period
    from fazhi.figures.values import values

    period = Period.year(year)
    by_sql = figures_sql.figures(org.path + "%", period.start, period.end)
    computed = [f.code for f in registry.all_figures() if not f.hand_entered]
    codes = [c for c in computed if c in by_sql]
    missing = sorted(set(computed) - set(by_sql))

    def registry_way():
        return values(org, codes, period)

    def sql_way():
        return figures_sql.both_years(org.path + "%", period)

    spent, found, floor, (now, then) = support.side_by_side(registry_way, sql_way, repeat)
    wrong = [
        (code, found[code].value, now[code], found[code].previous, then[code])
        for code in codes
        if (found[code].value, found[code].previous) != (now[code], then[code])
        and code not in figures_sql_more.wrong_on_this_engine()  # an old SQLite's bug: see there
    ]
    if wrong:
        sys.exit(f"指标与手写SQL不一致：{wrong[:5]}")
    print(
        support.ratio_line(
            f"{org.name} {year}年 {len(codes)} 项指标（含上年同期）", spent, "手写SQL，每台账一条查询", floor
        )
        + f"；接收纠纷 {found['disputes.received'].value:,} 件"
    )
    if missing:
        print(f"  （手写SQL未覆盖、未计入比较的指标：{'、'.join(missing)}）")


def main() -> None:
    options = support.options(
        __doc__.splitlines()[0], lambda p: p.add_argument("--repeat", type=int, default=None)
    )
    size, url, year = support.open_district(options.quick)
    repeat = options.repeat or (15 if options.quick else 3)
    print(
        f"数据库：{support.engine_label(url)}；{size['streets']} 个街道 × {size['years']} 年，统计 {year} 年"
    )
    compare(support.first_street(), year, repeat)
    compare(support.district(), year, repeat)


if __name__ == "__main__":
    main()
