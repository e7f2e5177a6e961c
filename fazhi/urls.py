from django.contrib import admin
from django.urls import include, path

from fazhi.ledger.registry import ledgers

urlpatterns = [
    path("", include("fazhi.web.urls")),
    path("accounts/", include("fazhi.accounts.urls")),
    *(path(ledger.prefix, include(ledger.urlconf)) for ledger in ledgers()),
    # /litigation/suggestions/… and /litigation/reminders/… moved to /oversight/: permanent redirects
    path("litigation/", include("fazhi.oversight.moved")),
    path("figures/", include("fazhi.figures.urls")),
    path("reports/", include("fazhi.reports.urls")),
    path("audit/", include("fazhi.audit.urls")),
    path("jobs/", include("fazhi.jobs.urls")),
    path("ops/", include("fazhi.ops.urls")),
    path("notices/", include("fazhi.notices.urls")),
    path("api/", include("fazhi.api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "fazhi.web.errors.bad_request"
handler403 = "fazhi.web.errors.permission_denied"
handler404 = "fazhi.web.errors.page_not_found"
handler500 = "fazhi.web.errors.server_error"
