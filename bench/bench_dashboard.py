"""The 指标看板 page of one 街道-year (key figures with the year before, the monthly trend, every breakdown,
the deadline board), requested in process as a signed-in 党政办 user, against the hand-written SQL of every
ledger's figures for the same 街道, this year and the year before.

    .venv/bin/python -m bench dashboard [--quick] [--repeat=5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fazhi_bench .venv/bin/python -m bench dashboard

Issue 21's goal is an absolute one: the page under 300 ms at full size on PostgreSQL; the SQL floor says
how much of that the data itself costs on this machine in this run. The database is the generated district
of figures_vs_sql (kept between runs). The bench checks that each key figure the page shows is the
hand SQL's.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support

GOAL_MS = 300


def main() -> None:
    options = support.options(
        __doc__.splitlines()[0], lambda p: p.add_argument("--repeat", type=int, default=5)
    )
    size, url, year = support.open_district(options.quick)

    from django.test import Client

    from bench import figures_sql
    from fazhi.accounts.testing import login_with_second_factor
    from fazhi.figures.dashboard import key_codes
    from fazhi.figures.periods import Period

    street = support.first_street()
    period = Period.year(year)
    client = Client(HTTP_HOST="127.0.0.1")  # a host the settings allow
    login_with_second_factor(client, support.office_user("bench-dashboard", "看板压测"))
    address = f"/figures/?org={street.code}&year={year}"

    def page():
        response = client.get(address)
        if response.status_code != 200:
            sys.exit(f"指标看板返回 {response.status_code}：{address}")
        return response.content.decode()

    def sql_way():
        return figures_sql.both_years(street.path + "%", period)

    page()  # the first request builds what a process builds once (templates, compiled queries)
    spent, html, floor, (now, _then) = support.side_by_side(page, sql_way, options.repeat)
    shown = [code for code in key_codes() if code in now]
    missing = [code for code in shown if not _shows(html, code, now[code])]
    if missing or not shown:
        sys.exit(f"看板上的关键指标与手写SQL不一致：{missing[:5] or '没有可核对的指标'}")
    print(
        f"数据库：{support.engine_label(url)}；{size['streets']} 个街道 × {size['years']} 年，{street.name} {year}年"
    )
    print(support.ratio_line("指标看板（页面，进程内）", spent, "手写SQL：该街道全部指标，本年与上年", floor))
    print(f"看板上 {len(shown)} 项关键指标与手写SQL一致")
    verdict = "达到" if spent * 1000 <= GOAL_MS else "未达到"
    print(f"目标：{GOAL_MS} ms 以内（全量、PostgreSQL）；本次 {spent * 1000:,.1f} ms，{verdict}")


def _shows(html: str, code: str, value) -> bool:
    """The key-figure card of ``code`` shows ``value`` as the page writes it (the same filters)."""
    from django.template.defaultfilters import floatformat

    from fazhi.figures import registry
    from fazhi.web.templatetags.fazhi_tags import yuan

    card = re.search(rf'data-code="{re.escape(code)}">.*?<div class="value">(.*?)</div>', html, re.S)
    if card is None:
        return False
    written = yuan(value) if registry.get(code).unit == "元" else str(floatformat(value, "-2"))
    return card.group(1).startswith(written)


if __name__ == "__main__":
    main()
