"""Shared fixtures: an organisation tree of two 街道 and people holding roles in it."""

import datetime
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from fazhi.orgs.models import Kind, Organisation, RoleAssignment

PASSWORD = "Test#Passw0rd-2024"
SHANGHAI = ZoneInfo("Asia/Shanghai")

# The day the ledger tests live on (issue 10): an ordinary Wednesday of a year whose holidays the calendar
# knows, away from the year's ends and the holiday weeks, so that a test dating its records "today" gives
# the same result whatever the real date is.
TODAY = datetime.date(2026, 7, 15)


def make_org(code, kind, parent=None, name=None, short=None):
    return Organisation.objects.create(
        code=code, name=name or code, short_name=short or code[:4], kind=kind, parent=parent
    )


@contextmanager
def clock_at(day: datetime.date, hour: int = 10):
    """The clock moved to that day's hour in Shanghai; it keeps ticking, so waits and timeouts still pass."""
    from fazhi.deadlines import calendar

    # A holiday notice a test enters is rolled back with it but would linger in the per-process calendar
    # cache: forget the calendars on the way in and on the way out.
    calendar.clear_cache()
    try:
        with time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), SHANGHAI), tick=True):
            yield day
    finally:
        calendar.clear_cache()


@contextmanager
def demo_loaded(django_db_blocker, *loaders, day: datetime.date | None = None):
    """(orgs, users) of the demo tree with ``loaders`` run, for a module-scoped fixture: loaded once inside a
    transaction rolled back when the module ends (each test still runs in its own savepoint), on ``day`` if
    given. The demo load is the expensive part of the tests that check it."""
    import io
    from contextlib import nullcontext

    from django.db import transaction

    from fazhi.demo.tree import build_orgs, build_people

    with django_db_blocker.unblock(), transaction.atomic(), clock_at(day) if day else nullcontext():
        orgs = build_orgs()
        users = build_people(orgs)
        for load in loaders:
            load(orgs, users, io.StringIO())
        yield orgs, users
        transaction.set_rollback(True)


def migrate_to(targets):
    """The test database migrated (forwards or back) to ``targets``: the models as those migrations have them
    (the historical models of that point), from the state the executor ends on — not a second one built from
    the migration records, seconds of rendering each. For a ``transactional_db`` test (migrations commit)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    return MigrationExecutor(connection).migrate(targets).apps


@contextmanager
def migrated_back(targets):
    """``migrate_to(targets)`` for a data migration's test, the database brought back to the latest
    migrations afterwards, whatever the test did."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        yield migrate_to(targets)
    finally:
        latest = MigrationExecutor(connection)
        latest.migrate(latest.loader.graph.leaf_nodes())


@pytest.fixture
def pinned_clock():
    """Today is TODAY for the test (use with pytest.mark.usefixtures on modules that date records today)."""
    with clock_at(TODAY) as day:
        yield day


@pytest.fixture(scope="session", autouse=True)
def _media_in_tmp(tmp_path_factory):
    """Files uploaded by tests go to a temporary folder, never to var/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _forget_loaded_figures():
    """Hand-entered figures are declared in the registry from the database; a test's rows vanish with
    its transaction, so the registry forgets them too (else a later test maps a phrase to a figure that
    no longer exists)."""
    yield
    from fazhi.figures import registry
    from fazhi.figures.manual import LOADER_SOURCE

    registry.replace_loaded(LOADER_SOURCE, [])
    registry.mark_stale()


def build_tree() -> dict:
    """区 → two 街道, each with a 调委会 and a 社区 with its 调委会 (the ``tree`` fixture's)."""
    district = make_org("district", Kind.DISTRICT, name="测试区", short="测区")
    orgs = {"district": district}
    for street_code, street_name in (("a", "甲街道"), ("b", "乙街道")):
        street = make_org(street_code, Kind.STREET, district, street_name, street_name[0])
        orgs[street_code] = street
        orgs[f"{street_code}-tw"] = make_org(
            f"{street_code}-tw", Kind.STREET_COMMITTEE, street, f"{street_name}调委会", f"{street_name[0]}街"
        )
        community = make_org(
            f"{street_code}-sq", Kind.COMMUNITY, street, f"{street_name}一社区", f"{street_name[0]}一"
        )
        orgs[f"{street_code}-sq"] = community
        orgs[f"{street_code}-sq-tw"] = make_org(
            f"{street_code}-sq-tw",
            Kind.COMMUNITY_COMMITTEE,
            community,
            f"{street_name}一社区调委会",
            f"{street_name[0]}一调",
        )
    return orgs


def make_person(username, role=None, org=None, **extra):
    """A user holding ``role`` at ``org`` (the ``person`` fixture's)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if role:
        RoleAssignment.objects.create(user=user, org=org, role=role)
    return user


@pytest.fixture
def tree(db):
    """区 → two 街道, each with a 调委会 and a 社区 with its 调委会."""
    return build_tree()


@pytest.fixture
def person(db):
    """person("name", "handler", org) → a user holding that role there."""
    return make_person


# --- prerequisites outside the repository ---------------------------------------------------------

# The real reports the analyzer is tested on (the project's shared folder, or FAZHI_SEEDS_DIR).
SEEDS = Path(
    os.environ.get("FAZHI_SEEDS_DIR", Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds")
)


def unavailable(message: str):
    """A prerequisite of the test is missing: in CI (CI set) a failure, so that a green run has really run
    every test; elsewhere a skip with the message."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def seed_path(name: str) -> Path:
    """The seed report ``name``; missing, the test skips (fails in CI)."""
    path = SEEDS / name
    if not path.is_file():
        unavailable(f"未找到种子报告 {name}（在 {SEEDS}；可设置 FAZHI_SEEDS_DIR）")
    return path


def client_for(user):
    """An API client acting as ``user`` (signed in without the login form)."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


# --- browser tests -----------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the test thread; the ORM calls of a test are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db.backends.signals import connection_created

    connection_created.connect(_sanction_test_flushes)


def _sanction_test_flushes(sender, connection, **kwargs):
    """On PostgreSQL the audit tables refuse TRUNCATE (audit 0003) but the test runner's flush (transactional
    tests, live servers) truncates every table: test connections are sanctioned like `fazhi restore`.
    The test of the refusal turns this off inside its own transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET fazhi.sanctioned_truncate = 'on'")


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright; in CI its absence is a failure, elsewhere a skip."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        unavailable("未安装 Debian 的 chromium：浏览器测试无法运行（以 root 运行 make test 会自动安装）。")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(
        locale="zh-CN", base_url=live_server.url, viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def login(page, username, password=PASSWORD):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
