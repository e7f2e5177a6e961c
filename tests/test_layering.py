"""The layering, read from the source with ast (nothing is imported to check it).

- The low layer (fazhi/errors.py, dates.py, db.py, crypto.py, paging.py) imports nothing of the apps.
- The ledger kit (fazhi/ledger) imports neither the web pages (fazhi.web), nor the API's own views and
  URLs, nor any ledger app: ledgers build on the kit, never the other way round.
- No import cycles between apps: the apps (fazhi/<package> and fazhi/<module>.py) and the import-time
  edges between them (imports anywhere but inside a function: a function's import runs when called and
  reaches up on purpose, e.g. the start-up checks reading the figures registry) form no cycle. Management
  commands are entry points, above every app, and are left out.
"""

import ast
from pathlib import Path

import fazhi

ROOT = Path(fazhi.__file__).parent
LOW_LAYER = ("errors", "dates", "db", "crypto", "paging")
LEDGER_APPS = ("disputes", "legal", "litigation")  # and any app whose AppConfig is a LedgerConfig (below)
NOT_FOR_THE_KIT = ("fazhi.web", "fazhi.api.views", "fazhi.api.urls", "fazhi.api.routes")

# Known exceptions, each to be removed by whoever removes the import (stale cycle edges fail the test).
KIT_EXCEPTIONS: set[tuple[str, str]] = set()  # (file under fazhi/ledger, imported name)
KNOWN_CYCLE_EDGES: set[tuple[str, str]] = set()  # (app, app it imports) closing a cycle


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, import_time_only: bool) -> list[str]:
    """Dotted names imported by the module (``from a import b`` gives a and a.b), relative ones resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if import_time_only and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Import):
                found.extend(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, *([child.module] if child.module else [])])
                found.append(base)
                found.extend(f"{base}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text()))
    return found


def _app(dotted: str) -> str | None:
    """The app a dotted name belongs to: fazhi.<app>…, or None outside fazhi."""
    parts = dotted.split(".")
    if parts[0] != "fazhi" or len(parts) < 2:
        return None
    if (ROOT / parts[1]).is_dir() or (ROOT / f"{parts[1]}.py").exists():
        return parts[1]
    return None


def _sources(under: Path = ROOT):
    return [p for p in sorted(under.rglob("*.py")) if "migrations" not in p.parts]


def _app_of_file(path: Path) -> str:
    return path.relative_to(ROOT).parts[0].removesuffix(".py")


def app_graph() -> dict[str, dict[str, list[str]]]:
    """app → {app it imports at import time: ["file:imported name", …]}."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in _sources():
        if "commands" in path.parts and "management" in path.parts:
            continue
        source = _app_of_file(path)
        for name in _imports(path, import_time_only=True):
            target = _app(name)
            if target and target != source:
                graph.setdefault(source, {}).setdefault(target, []).append(f"{path.relative_to(ROOT)} {name}")
    return graph


def cycles(graph) -> list[list[str]]:
    """The strongly connected groups of more than one app (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, {}):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted({*graph, *(t for targets in graph.values() for t in targets)}):
        if node not in index:
            connect(node)
    return groups


def test_the_low_layer_imports_nothing_of_the_apps():
    problems = []
    for name in LOW_LAYER:
        path = ROOT / f"{name}.py"
        for imported in _imports(path, import_time_only=False):
            if (app := _app(imported)) and app not in LOW_LAYER:
                problems.append(f"{path.relative_to(ROOT.parent)} imports {imported}")
    assert not problems, "\n".join(problems)


def _ledger_apps() -> set[str]:
    from django.apps import apps

    from fazhi.ledger.apps import LedgerConfig

    registered = {c.name for c in apps.get_app_configs() if isinstance(c, LedgerConfig)}
    return {*(f"fazhi.{app}" for app in LEDGER_APPS), *registered}


def test_the_kit_imports_no_web_page_no_api_view_and_no_ledger_app():
    forbidden = (*NOT_FOR_THE_KIT, *sorted(_ledger_apps()))
    problems = []
    for path in _sources(ROOT / "ledger"):
        where = str(path.relative_to(ROOT.parent))
        for imported in _imports(path, import_time_only=False):
            hit = next((f for f in forbidden if imported == f or imported.startswith(f"{f}.")), None)
            if hit and (where, imported) not in KIT_EXCEPTIONS:
                problems.append(f"{where} imports {imported}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_no_import_cycles_between_apps():
    graph = app_graph()
    for source, target in KNOWN_CYCLE_EDGES:
        assert target in graph.get(source, {}), f"{source} → {target} 已不存在：请从 KNOWN_CYCLE_EDGES 删除"
        del graph[source][target]
    found = cycles(graph)
    details = [
        f"{a} → {b}: {graph[a][b][0]}"
        for group in found
        for a in group
        for b in group
        if b in graph.get(a, {})
    ]
    assert not found, f"apps importing each other: {found}\n" + "\n".join(details)


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}, "d": {"a": []}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b": []}}) == []
