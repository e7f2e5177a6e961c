"""Settings, read from the environment.

FAZHI_ENV=production switches on the deployment baseline (HTTPS, HSTS, secure cookies) and
requires every secret to come from the environment; the default is the embedded set-up on one
machine (SQLite and files under var/, keys generated once under var/).
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FAZHI_VAR_DIR", BASE_DIR / "var"))
PRODUCTION = os.environ.get("FAZHI_ENV", "development") == "production"


def _secret(name: str, nbytes: int) -> str:
    """A secret from the environment; in development one made once and kept under var/."""
    value = os.environ.get(name)
    if value:
        return value
    if PRODUCTION:
        raise RuntimeError(f"生产环境必须设置环境变量 {name}")
    path = VAR_DIR / "secrets" / name.lower()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(nbytes))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret("FAZHI_SECRET_KEY", 32)
# SM4 key (128 bit, hex) for personal data at rest, and the key of the lookup hash (HMAC-SM3).
FAZHI_DATA_KEY = _secret("FAZHI_DATA_KEY", 16)
FAZHI_LOOKUP_KEY = _secret("FAZHI_LOOKUP_KEY", 32)
# HMAC-SM3 key (256 bit, hex) of the audit chain, audit checkpoints and backup signatures. It lives
# outside the database, so whoever can write the tables cannot re-hash a forged history.
FAZHI_AUDIT_KEY = _secret("FAZHI_AUDIT_KEY", 32)
# Where `fazhi audit_checkpoint` writes signed checkpoints and `fazhi audit_verify` looks for the newest;
# the audit administrator copies them somewhere the database's administrators cannot write.
FAZHI_AUDIT_CHECKPOINT_DIR = Path(os.environ.get("FAZHI_AUDIT_CHECKPOINT_DIR", VAR_DIR / "audit-checkpoints"))

# Off unless asked for (FAZHI_DEBUG=1), in development too: with DEBUG on Django answers an unknown
# address or an error with its English technical pages, which a person trying `make run` must never
# see — they get the Chinese 404/500 pages of production (fazhi.web.errors). Static files do not need
# DEBUG: WhiteNoise serves them in every set-up (below). Tracebacks still reach the console.
DEBUG = not PRODUCTION and os.environ.get("FAZHI_DEBUG", "0") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("FAZHI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("FAZHI_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "fazhi.accounts.admin_config.FazhiAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "fazhi.accounts",
    "fazhi.orgs",
    "fazhi.audit",
    # Before django_tasks_db: fazhi.jobs's db_worker command (the same worker, plus its heartbeat) wins.
    "fazhi.jobs",
    "django_tasks_db",
    "fazhi.deadlines",
    "fazhi.ledger",
    "fazhi.disputes",
    "fazhi.legal",
    "fazhi.litigation",
    "fazhi.learning",
    "fazhi.oversight",
    "fazhi.petitions",
    "fazhi.enforcement",
    "fazhi.disclosure",
    "fazhi.figures",
    "fazhi.reports",
    "fazhi.web",
    "fazhi.notices",
    "fazhi.demo",
    "fazhi.api",
    "fazhi.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fazhi.accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "fazhi.orgs.middleware.RolesOncePerRequestMiddleware",
    "fazhi.web.input_guard.RefuseNulMiddleware",
    "fazhi.web.responses.ResponsePolicyMiddleware",
    "fazhi.accounts.middleware.SecurityPolicyMiddleware",
    "fazhi.accounts.middleware.PermissionsPolicyMiddleware",
    "fazhi.audit.context.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# WhiteNoise serves static files everywhere: in production the collected, hashed files; in development
# straight from the apps' static/ folders (finders, re-read on each request so edits show at once).
# runserver's own static handler works only with DEBUG on, which development no longer has (above).
MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Before the apps' templates: fazhi/templates holds what overrides an installed app's (the admin's
        # base_site.html), which the apps' own folders cannot, django.contrib.admin being listed first.
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.web.context.navigation",
                "fazhi.notices.views.unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'fazhi.sqlite3'}",
        conn_max_age=int(os.environ.get("FAZHI_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer instead of failing at once; the immediate mode takes the write lock at
    # BEGIN so that two transactions never deadlock on an upgrade from read to write. SQLite's waiting
    # is not first-come first-served: under 50 writers (make soak) one waited past 20 s, so 60.
    DATABASES["default"]["OPTIONS"] = {"timeout": 60, "transaction_mode": "IMMEDIATE"}
    # Tests use SQLite's shared in-memory database, which locks whole tables instead of waiting:
    # the load test (make soak) asks for a file instead, to measure the product, not the test mode.
    if os.environ.get("FAZHI_SQLITE_TEST_FILE"):
        DATABASES["default"]["TEST"] = {"NAME": os.environ["FAZHI_SQLITE_TEST_FILE"]}
# A PostgreSQL streaming replica for the dashboards and exports (fazhi.db.ReplicaRouter), when set.
if os.environ.get("FAZHI_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["FAZHI_REPLICA_URL"], conn_max_age=int(os.environ.get("FAZHI_DB_CONN_MAX_AGE", "0"))
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["fazhi.db.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["fazhi.accounts.backends.LockoutModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "fazhi.accounts.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
]

# 等保 level 3 (LEGAL-RULES.md §4): lock-out, idle timeout, password age.
FAZHI_LOCKOUT_FAILURES = 5
FAZHI_LOCKOUT_WINDOW_MINUTES = 15
FAZHI_LOCKOUT_MINUTES = 15
FAZHI_PASSWORD_MAX_AGE_DAYS = 90
FAZHI_LOCKOUT_MAX_MINUTES = 24 * 60  # repeated locks double up to this (fazhi.accounts.lockout)
FAZHI_THROTTLE_ADDRESS_FAILURES = int(os.environ.get("FAZHI_THROTTLE_ADDRESS_FAILURES", "20"))
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed; none by default.
FAZHI_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("FAZHI_TRUSTED_PROXIES", "").split(",") if p.strip()
]
FAZHI_API_TOKEN_DAYS = int(os.environ.get("FAZHI_API_TOKEN_DAYS", "30"))
# Several web servers share sessions and the cache through Redis (FAZHI_REDIS_URL, e.g.
# redis://127.0.0.1:6379/0). Sessions stay written to the database too ("cached_db"), so restarting Redis
# signs nobody out. Without it: database sessions and a cache in files under var/ (one machine).
FAZHI_REDIS_URL = os.environ.get("FAZHI_REDIS_URL", "")
if FAZHI_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": FAZHI_REDIS_URL,
            "KEY_PREFIX": "fazhi",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # One machine: a cache in files, shared by the web server's processes and the worker (a job's live
    # progress and the worker's heartbeat pass through it, never through the database, where the import's
    # own transaction would keep another writer waiting on SQLite).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
# Long work (big Excel imports and exports) runs as a job (fazhi/jobs) on Django's tasks framework: the queue is a
# database table (django-tasks-db) and `fazhi db_worker` runs it — started by `make run`, its own service
# in production (deploy/systemd/fazhi-worker.service).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The address people open the system at (e.g. https://fazhi.example.gov.cn): links in e-mails and webhook
# notices (fazhi.notices) are made absolute with it; empty, they carry the path only.
FAZHI_BASE_URL = os.environ.get("FAZHI_BASE_URL", "")
# An Excel file with at least this many data rows is imported by the worker, with a progress page.
FAZHI_JOB_IMPORT_ROWS = int(os.environ.get("FAZHI_JOB_IMPORT_ROWS", "2000"))
# An Excel export of at least this many records is written by the worker and downloaded from the job's page.
FAZHI_JOB_EXPORT_ROWS = int(os.environ.get("FAZHI_JOB_EXPORT_ROWS", "20000"))
# PostgreSQL's price of a random page read, set for each connection (fazhi.db.tune_session): 1.1 for
# solid-state disks; 4 (PostgreSQL's default) for a database on spinning disks.
FAZHI_PG_RANDOM_PAGE_COST = float(os.environ.get("FAZHI_PG_RANDOM_PAGE_COST", "1.1"))
# Uploading at least this many published reports at once to 报告分析 makes the worker read them and offer the
# comparison workbook on the job's page (fewer are analysed on the page itself).
FAZHI_JOB_ANALYSIS_FILES = int(os.environ.get("FAZHI_JOB_ANALYSIS_FILES", "5"))
# /healthz calls the worker gone when its heartbeat (written every few seconds) is older than this.
FAZHI_WORKER_STALE_SECONDS = int(os.environ.get("FAZHI_WORKER_STALE_SECONDS", "60"))
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = False  # the idle timeout: accounts.middleware.IdleTimeoutMiddleware
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "fazhi" / "locale"]  # Fazhi's few overrides of Django's Chinese wording
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(os.environ.get("FAZHI_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}


# Attachments, uploads waiting for the worker and job results go to S3-compatible object storage (MinIO, or a
# cloud's OSS/COS/OBS in its S3 mode) when FAZHI_S3_BUCKET is set: needed once web servers and the worker run on
# machines that share no folder. The bucket stays private: every file is served through Fazhi's own views
# (scoping, audit), never from an object address, and a file is never overwritten (as on disk, a clash gets a
# new name), so a stored reply letter or attachment cannot be replaced by a later one with the same name.
def object_storage(env) -> dict:
    """STORAGES["default"] for a bucket, from the FAZHI_S3_* variables of ``env`` (the tests build theirs here too)."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env["FAZHI_S3_BUCKET"],
            "endpoint_url": env.get("FAZHI_S3_ENDPOINT_URL") or None,
            "region_name": env.get("FAZHI_S3_REGION") or None,
            "access_key": env.get("FAZHI_S3_ACCESS_KEY") or None,
            "secret_key": env.get("FAZHI_S3_SECRET_KEY") or None,
            "location": env.get("FAZHI_S3_PREFIX", ""),
            # Most S3-compatible servers in an intranet have no per-bucket host names.
            "addressing_style": env.get("FAZHI_S3_ADDRESSING", "path"),
            "file_overwrite": False,
            "default_acl": None,  # the bucket's own policy (private), never public-read
            # Server-side encryption where the store offers it (e.g. "AES256"): scanned files hold personal data.
            "object_parameters": (
                {"ServerSideEncryption": env["FAZHI_S3_ENCRYPTION"]} if env.get("FAZHI_S3_ENCRYPTION") else {}
            ),
        },
    }


if os.environ.get("FAZHI_S3_BUCKET"):
    STORAGES["default"] = object_storage(os.environ)
FAZHI_ATTACHMENT_MAX_BYTES = int(os.environ.get("FAZHI_ATTACHMENT_MAX_MB", "20")) * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# Security headers and CSP: nothing is loaded from outside the platform.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No page needs a device or a sensor (fazhi.accounts.middleware.PermissionsPolicyMiddleware).
FAZHI_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)
if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("FAZHI_SSL_REDIRECT", "1") == "1"
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # monitoring asks the web server directly, over plain HTTP
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # The token first: DRF takes the 401 challenge from the first class.
        "fazhi.api.authentication.BearerTokenAuthentication",
        "fazhi.api.authentication.CsrfSessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "fazhi.api.renderers.SignedInBrowsableAPIRenderer",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "fazhi.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "fazhi.api.errors.exception_handler",
    "DATETIME_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "法治街道工作台 API",
    "DESCRIPTION": '台账、指标与年度报告的接口。错误统一为 {"error": {"code", "message", "fields"}}。',
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choices stay inline in each field: eight ledgers name fields alike (status, channel) with
    # different choice sets, and named enum components would collide or get hashed names.
    "POSTPROCESSING_HOOKS": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No handler may write the value of a personal-data filter (an ID number typed into ?contact=).
    "filters": {
        "redact_personal": {"()": "fazhi.web.redact.RedactPersonalParams"},
        "refusals_in_one_line": {"()": "fazhi.web.log_refusals.RefusalsInOneLine"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_personal", "refusals_in_one_line"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_personal"],
        },
    },
    # The development server's request line carries the query string.
    "loggers": {"django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False}},
    "root": {"handlers": ["console"], "level": os.environ.get("FAZHI_LOG_LEVEL", "WARNING")},
}
