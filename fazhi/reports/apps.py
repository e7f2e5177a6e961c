from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = "法治政府建设年度报告"

    def ready(self):
        from fazhi.demo import register as register_demo
        from fazhi.web.navigation import WorkLine
        from fazhi.web.navigation import register as register_nav

        from . import api  # noqa: F401  (registers the viewset)
        from .services import REPORT_KINDS

        # A 街道 or the 区 writes the annual report (services.REPORT_KINDS): only their people see it.
        register_nav(WorkLine("年度报告", "reports:list", "/reports/", frozenset(REPORT_KINDS)))
        register_nav(WorkLine("报告分析", "reports:analysis", "/reports/analysis/", frozenset(REPORT_KINDS)))

        from . import analysis_api  # noqa: F401  (registers the report-analysis viewset)
        from .demo import load_demo

        register_demo(load_demo)  # after the ledgers' and the figures' loaders: it drafts from their records
