"""Settings of the test suite: the product's, plus the test ledger (tests/kit_ledger), which is declared
only through the ledger kit and must never reach a deployment (pyproject's DJANGO_SETTINGS_MODULE)."""

from fazhi.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.kit_ledger"]  # noqa: F405

# The production hasher (PBKDF2, 1.5 million rounds) costs over half a second a password on this machine,
# and the fixtures create a few people per test: the suite hashes with MD5. tests/accounts checks the
# production settings' hasher itself where it matters.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One process: the cache of a test is its own memory (never var/cache, which parallel test runs would share);
# the worker runs in the test's process (tests/jobs).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
