"""Start-up checks over the registered ledgers (`fazhi check`, runserver, migrate, the tests).

A ledger declares everything it needs in one ``Ledger`` (``<app>/ledger.py``); these checks fail
when the declaration misses a part, naming the part, so that forgetting one is a start-up error
rather than a missing page, an unaudited setting or a report sentence that is never written.
"""

from collections import Counter
from importlib import import_module

from django.core import checks
from django.utils.module_loading import import_string

from .models import Numbered, Stateful
from .registry import Ledger, ledgers
from .states import StatusMachine


def _error(ledger: Ledger, number: int, chinese: str, english: str, hint: str) -> checks.Error:
    return checks.Error(
        f"台账“{ledger.label}”（{ledger.namespace}）{chinese} / Ledger {ledger.namespace!r}: {english}",
        hint=hint,
        obj=ledger.namespace,
        id=f"fazhi.E{number:03d}",
    )


def _importable(dotted: str, *, attribute: bool = False) -> bool:
    try:
        import_string(dotted) if attribute else import_module(dotted)
    except ImportError:
        return False
    return True


def _stateful(model) -> bool:
    """The model takes the status feature: it derives from Stateful or declares STATES."""
    return issubclass(model, Stateful) or hasattr(model, "STATES")


def _numbered(model) -> bool:
    return issubclass(model, Numbered) or hasattr(model, "NUMBER_KIND")


def _models(ledger: Ledger, registered: list[Ledger]) -> list[checks.Error]:
    errors = []
    if not ledger.models:
        errors.append(
            _error(ledger, 1, "没有声明台账记录模型。", "no record model.", "在 models 中列出记录模型。")
        )
    others = [model for other in registered if other is not ledger for model in other.models]
    kinds = Counter(model.NUMBER_KIND for model in [*others, *ledger.models] if _numbered(model))
    for model in ledger.models:
        name = model.__name__
        # An activity record (a study session, a 普法 event) has neither a status nor a number; only the
        # features a model takes are checked.
        if _stateful(model) and not isinstance(getattr(model, "STATES", None), StatusMachine):
            errors.append(
                _error(
                    ledger,
                    2,
                    f"的模型 {name} 没有状态机 STATES。",
                    f"model {name} has no STATES.",
                    "在模型上声明 STATES = StatusMachine(...)（fazhi.ledger.states）。",
                )
            )
        if not _numbered(model):
            continue
        kind = model.NUMBER_KIND
        if not kind:
            errors.append(
                _error(
                    ledger,
                    3,
                    f"的模型 {name} 没有编号字 NUMBER_KIND。",
                    f"model {name} has no NUMBER_KIND.",
                    "在模型上声明 NUMBER_KIND，如“调”（观澜调〔2024〕0001号）。",
                )
            )
        elif kinds[kind] > 1:
            errors.append(
                _error(
                    ledger,
                    4,
                    f"的模型 {name} 的编号字“{kind}”已被其他台账模型使用。",
                    f"NUMBER_KIND {kind!r} of {name} is not unique.",
                    "每个台账模型用一个不同的编号字，否则编号会重复。",
                )
            )
    return errors


def _parts(ledger: Ledger) -> list[checks.Error]:
    """The pages, API, navigation, Excel pages, demo data and generator."""
    errors = []
    if not ledger.urls and not ledger.pages:
        errors.append(
            _error(
                ledger,
                5,
                "没有页面 pages（也没有网址模块 urls）。",
                "no pages (and no urls module).",
                "在 pages 中写台账的 LedgerPages，或在 urls 中写网址模块的路径。",
            )
        )
    elif ledger.urls and not _importable(ledger.urls):
        errors.append(
            _error(
                ledger,
                5,
                "没有可导入的网址模块 urls。",
                "no importable urls module.",
                "在 urls 中写网址模块的路径。",
            )
        )
    elif ledger.urls and getattr(import_module(ledger.urls), "app_name", None) != ledger.namespace:
        errors.append(
            _error(
                ledger,
                5,
                "的网址模块 app_name 与 namespace 不一致。",
                "the urls module's app_name differs from the namespace.",
                f"在 {ledger.urls} 中写 app_name = {ledger.namespace!r}。",
            )
        )
    if not ledger.label:
        errors.append(
            _error(
                ledger, 6, "没有导航名称 label。", "no navigation label.", "在 label 中写导航栏显示的名称。"
            )
        )
    if not ledger.api or not _importable(ledger.api):
        errors.append(
            _error(
                ledger,
                7,
                "没有可导入的接口模块 api。",
                "no importable api module.",
                "在 api 中写注册接口视图集的模块路径。",
            )
        )
    else:
        errors += _api_routes(ledger)
    if not ledger.excel:
        errors.append(
            _error(
                ledger,
                8,
                "没有 Excel 页面。",
                "no Excel pages.",
                "在 excel 中列出台账的 ExcelPages（<app>/excel_views.py）。",
            )
        )
    if ledger.demo is None:
        errors.append(
            _error(
                ledger,
                9,
                "没有演示数据载入函数 demo。",
                "no demo loader.",
                "在 demo 中给出 load_demo(orgs, users, stdout)。",
            )
        )
    if not ledger.generator or not _importable(ledger.generator, attribute=True):
        errors.append(
            _error(
                ledger,
                10,
                "没有可导入的模拟数据生成函数 generator。",
                "no importable data generator.",
                "在 generator 中写 generate(batch) 的路径（fazhi/ops/gen）。",
            )
        )
    return errors


def _deadlines(ledger: Ledger) -> list[checks.Error]:
    """A deadlined model with computed dates says how they are computed (the hook the ledger's services and
    the recompute after a holiday notice call), and names only rules of the table."""
    from fazhi.deadlines.rules import RULES_BY_CODE

    from .models import Deadlined

    errors = []
    for model in ledger.models:
        if not (isinstance(model, type) and issubclass(model, Deadlined)):
            continue
        name = model.__name__
        # Dates a person types (a certificate's expiry) need no hook: COMPUTED_DATES = () says so.
        if model.COMPUTED_DATES and model.refresh_deadlines is Deadlined.refresh_deadlines:
            errors.append(
                _error(
                    ledger,
                    16,
                    f"的模型 {name} 没有期限计算方法 refresh_deadlines。",
                    f"model {name} does not say how its due dates are computed (refresh_deadlines).",
                    "在模型上实现 refresh_deadlines()：按 DEADLINE_RULE 和起算日填写 due_date"
                    "（fazhi.deadlines.engine.due_for_rule）；期限均由人工填写的，声明 COMPUTED_DATES = ()。",
                )
            )
        if model.DEADLINE_RULE and model.DEADLINE_RULE not in RULES_BY_CODE:
            errors.append(
                _error(
                    ledger,
                    16,
                    f"的模型 {name} 的期限规则“{model.DEADLINE_RULE}”不在期限规则表中。",
                    f"DEADLINE_RULE {model.DEADLINE_RULE!r} of {name} is not in the rules table.",
                    "使用 fazhi/deadlines/rules.py 中已有的规则代码，或先在规则表中补充该规则及其法律依据。",
                )
            )
    return errors


def _api_routes(ledger: Ledger) -> list[checks.Error]:
    """Each record model is served by a viewset the ledger's api module registered on the API router."""
    from fazhi.api.router import router

    served = set()
    for _prefix, viewset, _basename in router.registry:
        serializer = getattr(viewset, "serializer_class", None)
        served.add(getattr(getattr(serializer, "Meta", None), "model", None))
    return [
        _error(
            ledger,
            17,
            f"的模型 {model.__name__} 没有接口路由。",
            f"model {model.__name__} has no API viewset on the router.",
            f"在 {ledger.api} 中为它声明 LedgerViewSet 子类并 router.register(...)（fazhi.ledger.api）。",
        )
        for model in ledger.models
        if model not in served
    ]


def _holder_kinds(ledger: Ledger) -> list[checks.Error]:
    from fazhi.orgs.models import Kind

    errors = []
    if not ledger.holder_kinds:
        errors.append(
            _error(
                ledger,
                11,
                "没有声明可承办的单位类别 holder_kinds。",
                "no holder kinds.",
                "在 holder_kinds 中列出可承办本台账记录的单位类别（fazhi.orgs.models.Kind）。",
            )
        )
    declared = {*ledger.holder_kinds, *(kind for kinds in ledger.unit_kinds.values() for kind in kinds)}
    unknown = sorted(declared - set(Kind.values))
    if unknown:
        errors.append(
            _error(
                ledger,
                11,
                f"声明了不存在的单位类别：{'、'.join(unknown)}。",
                f"unknown unit kinds {unknown}.",
                "单位类别须取自 fazhi.orgs.models.Kind。",
            )
        )
    return errors


def _settings(ledger: Ledger) -> list[checks.Error]:
    from django.contrib import admin

    from fazhi.accounts.admin_site import SETTINGS_ROLE, role_models
    from fazhi.audit.watch import is_watched

    errors = []
    for model in ledger.settings_models:
        name = model._meta.verbose_name
        if not is_watched(model):
            errors.append(
                _error(
                    ledger,
                    12,
                    f"的设置“{name}”的修改不记入审计日志。",
                    f"settings model {model.__name__} is not watched by the audit trail.",
                    "台账须由 LedgerConfig 注册（apps.py），它把 settings_models 交给 fazhi.audit.watch。",
                )
            )
        if model._meta.label_lower not in role_models(SETTINGS_ROLE) or not admin.site.is_registered(model):
            errors.append(
                _error(
                    ledger,
                    13,
                    f"的设置“{name}”系统管理员无法在系统设置中修改。",
                    f"settings model {model.__name__} is not editable by the system administrator.",
                    "在台账的 admin.py 中注册它（单行设置用 fazhi.ledger.admin.SettingsRowAdmin），"
                    "并由 LedgerConfig 注册台账。",
                )
            )
    return errors


def _figures(ledger: Ledger) -> list[checks.Error]:
    from fazhi.figures.registry import declared_in_code
    from fazhi.reports.drafting import template_codes

    if not ledger.figures or not _importable(ledger.figures):
        return [
            _error(
                ledger,
                14,
                "没有可导入的指标模块 figures。",
                "no importable figures module.",
                "在 figures 中写用 @figure 声明指标的模块路径。",
            )
        ]
    prefix = f"{ledger.figure_prefix or ledger.namespace}."
    missing = sorted(
        code for code in template_codes() if code.startswith(prefix) and not declared_in_code(code)
    )
    if not missing:
        return []
    return [
        _error(
            ledger,
            15,
            f"缺少年度报告起草引用的指标：{'、'.join(missing)}。",
            f"figures quoted by fazhi/reports/drafting.py are not declared: {', '.join(missing)}.",
            f"在 {ledger.figures} 中用 @figure 声明这些指标代码，或改正起草模板中的代码。",
        )
    ]


def ledger_errors(ledger: Ledger, registered: list[Ledger] | None = None) -> list[checks.Error]:
    """Everything missing from one declaration; ``registered`` are the ledgers it must not clash with."""
    registered = ledgers() if registered is None else registered
    return [
        *_models(ledger, registered),
        *_deadlines(ledger),
        *_parts(ledger),
        *_holder_kinds(ledger),
        *_settings(ledger),
        *_figures(ledger),
    ]


@checks.register("fazhi")
def check_ledgers(app_configs=None, **kwargs) -> list[checks.Error]:
    registered = ledgers()
    return [error for ledger in registered for error in ledger_errors(ledger, registered)]
