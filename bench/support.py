"""What the benchmarks share: the database (DATABASE_URL or a throwaway SQLite file under var/bench/),
the generated district, timing, and printing a figure with its ratio to the floor of the same run.

Not a benchmark itself (the runner only runs bench_*.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT))

# The district every benchmark reads unless told otherwise; --quick uses the small one.
FULL = {"streets": 10, "years": 5, "start_year": 2021, "scale": 1.0}
QUICK = {"streets": 2, "years": 2, "start_year": 2024, "scale": 0.05}


def options(description: str, add=None) -> argparse.Namespace:
    """Parse this bench's options; unknown ones (the runner's bench names) are ignored."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke run")
    if add:
        add(parser)
    return parser.parse_known_args()[0]


def database_url(name: str) -> str:
    """DATABASE_URL if set, else a SQLite file var/bench/<name>.sqlite3 (kept between runs)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    return os.environ.get("DATABASE_URL") or f"sqlite:///{BENCH_DIR / name}.sqlite3"


def engine_label(url: str) -> str:
    return "PostgreSQL" if url.startswith(("postgres", "postgresql")) else "SQLite"


def sibling_database(url: str, suffix: str) -> str:
    """A fresh, empty database next to ``url``: another SQLite file, or on PostgreSQL the database
    <name>_<suffix> (dropped and created again). Only databases whose name contains "bench" are touched."""
    if not url.startswith(("postgres", "postgresql")):
        path = Path(url.removeprefix("sqlite:///"))
        fresh = path.with_name(f"{path.stem}_{suffix}.sqlite3")
        fresh.unlink(missing_ok=True)
        return f"sqlite:///{fresh}"
    parts = urlsplit(url)
    base = parts.path.lstrip("/")
    if "bench" not in base:
        sys.exit(f"拒绝在非基准测试数据库上操作：{base}（数据库名须含 bench，如 fazhi_bench）")
    name = f"{base}_{suffix}"
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def setup_django(url: str, settings: str = "fazhi.settings") -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ.setdefault("FAZHI_DEBUG", "0")  # DEBUG keeps every query in memory
    import django

    django.setup()


def ensure_district(size: dict, out=print) -> None:
    """Migrate, and generate the district unless the database already holds it (same size)."""
    from django.core.management import call_command

    from fazhi.orgs.models import Kind, Organisation

    call_command("migrate", verbosity=0)
    streets = Organisation.objects.filter(kind=Kind.STREET, code__startswith="gen-").count()
    if streets == size["streets"]:
        return
    if streets:
        sys.exit(
            f"基准数据库中已有 {streets} 个街道的生成数据（需要 {size['streets']} 个）：请删除该数据库后重试。"
        )
    from fazhi.ops.gen import generate

    out(f"生成基准数据（{size}），只在第一次运行时进行……")
    began = time.perf_counter()
    totals = generate(seed=1, out=lambda line: None, **size)
    out(f"生成 {sum(totals.values()):,} 行，用时 {time.perf_counter() - began:.0f} s")


def open_district(quick: bool) -> tuple[dict, str, int]:
    """Django on the generated district of the size asked for (the quick or the full one, generated on the first
    run and kept): its size, its database URL and its last year, the one the benches measure."""
    size = QUICK if quick else FULL
    url = database_url("district_quick" if quick else "district")
    setup_django(url)
    ensure_district(size)
    return size, url, size["start_year"] + size["years"] - 1


def district():
    from fazhi.orgs.models import Organisation

    return Organisation.objects.get(code="gen")


def first_street():
    from fazhi.orgs.models import Organisation

    return Organisation.objects.get(code="gen-s01")


def office_user(username: str, full_name: str):
    """A 党政办 user of the first generated 街道 (made once, kept), its password counted as just changed so the
    change-password rule does not send its requests elsewhere."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from fazhi.orgs.models import RoleAssignment

    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"full_name": full_name, "password_changed_at": timezone.now()}
    )
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password_changed_at"])
    RoleAssignment.objects.get_or_create(user=user, org=first_street(), role="office")
    return user


def side_by_side(way, floor, repeat: int = 3) -> tuple[float, object, float, object]:
    """(median seconds, last result) of ``way`` and of its ``floor``, their runs taken in turn, so that a
    busy moment of the machine falls on both sides of the ratio rather than on one."""
    times: tuple[list, list] = ([], [])
    results: list = [None, None]
    for _ in range(repeat):
        for side, function in enumerate((way, floor)):
            began = time.perf_counter()
            results[side] = function()
            times[side].append(time.perf_counter() - began)
    return statistics.median(times[0]), results[0], statistics.median(times[1]), results[1]


def ratio_line(label: str, seconds: float, floor_label: str, floor: float) -> str:
    return f"{label}：{seconds * 1000:,.1f} ms；下限（{floor_label}）{floor * 1000:,.1f} ms；比值 {seconds / floor:.2f}"
