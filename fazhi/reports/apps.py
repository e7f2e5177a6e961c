from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    verbose_name = "法治政府建设年度报告"

    def ready(self):
        from fazhi.web.navigation import WorkLine
        from fazhi.web.navigation import register as register_nav

        from . import api  # noqa: F401  (registers the viewset)

        register_nav(WorkLine("年度报告", "reports:list", "/reports/"))
        register_nav(WorkLine("报告分析", "reports:analysis", "/reports/analysis/"))

        from . import analysis_api  # noqa: F401  (registers the report-analysis viewset)
