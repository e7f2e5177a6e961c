"""The system administrator backs up and checks the backup in the browser: the button is pressed once, the job's
page follows the worker live (htmx polling) to 100 %, the page lists the archive and its check passes."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from fazhi.accounts.testing import login_with_second_factor
from fazhi.jobs.models import Job, State
from tests.jobs.job_helpers import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(page, live_server, user) -> None:
    """The session of a system administrator past the second factor (its enrolment has its own tests)."""
    client = Client()
    login_with_second_factor(client, user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_backup_now_then_check_it(browser_page, live_server, tree, person, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    page = browser_page
    signed_in(page, live_server, person("sysadmin", "sys_admin", tree["district"]))
    page.goto("/")
    page.click("nav.worklines >> text=数据备份")
    page.wait_for_selector("text=备份目录中还没有备份")
    page.click("button:has-text('立即备份')")
    page.wait_for_url("**/jobs/*/")
    job = Job.objects.get()
    assert page.locator(".job-state").inner_text() == "排队中"
    run_worker()
    page.wait_for_selector("#job-status[data-state=done]")  # the polled card, no reload
    assert page.locator(".job-percent").inner_text() == "100%"
    job.refresh_from_db()
    assert job.state == State.DONE and job.summary in page.locator(".job-summary").inner_text()
    page.click("text=返回数据备份")
    page.wait_for_url("**/ops/backups/")
    page.wait_for_selector("#backup-list tbody tr")  # count() does not wait for the page to load
    row = page.locator("#backup-list tbody tr")
    assert row.count() == 1 and row.first.locator("td").first.inner_text().startswith("fazhi-")
    row.first.locator("button:has-text('校验')").click()
    page.wait_for_url("**/jobs/*/")
    run_worker()
    page.wait_for_selector("#job-status[data-state=done]")
    assert page.locator(".job-summary").inner_text().startswith("校验通过")
