"""Every API route, read from the router and the URL resolver, so that checks over "all routes"
(the access matrix test, the schema fuzzing) see a new viewset or action the moment it is registered."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from .router import router

READ_METHODS = frozenset({"get", "head", "options"})


@dataclass(frozen=True)
class ApiRoute:
    basename: str  # the router's basename, e.g. "dispute"; "" for a plain view outside the router
    prefix: str  # the URL prefix, e.g. "disputes"
    viewset: type | None
    action: str  # "list", "retrieve", "partial_update", "conclude", …; the view name for plain views
    method: str  # lower case HTTP method
    detail: bool  # the URL carries the pk of one object
    url_name: str  # e.g. "api:dispute-conclude"
    pattern: str  # the URL path with placeholders, e.g. "/api/disputes/{pk}/conclude/"

    @property
    def writes(self) -> bool:
        return self.method not in READ_METHODS

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.pattern} ({self.basename or '-'}.{self.action})"

    def url(self, **kwargs) -> str:
        return self.pattern.format(**kwargs)


def _readable(regex: str) -> str:
    # DefaultRouter patterns look like ^disputes/(?P<pk>[^/.]+)/conclude/$
    path = regex.lstrip("^").rstrip("$")
    while "(?P<" in path:
        start = path.index("(?P<")
        name_end = path.index(">", start)
        name = path[start + 4 : name_end]
        depth, end = 0, start
        for end in range(start, len(path)):
            depth += {"(": 1, ")": -1}.get(path[end], 0)
            if depth == 0:
                break
        path = path[:start] + "{" + name + "}" + path[end + 1 :]
    # path() converters: <int:pk> → {pk}
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path.replace("\\.", "."))


def router_routes(prefix: str = "/api/") -> list[ApiRoute]:
    """One ApiRoute per (URL, method) of every viewset registered on the API router."""
    routes = []
    for registered_prefix, viewset, basename in router.registry:
        for route in router.get_routes(viewset):
            mapping = {m: a for m, a in route.mapping.items() if hasattr(viewset, a)}
            if not mapping:
                continue
            regex = route.url.format(
                prefix=registered_prefix,
                lookup=router.get_lookup_regex(viewset),
                trailing_slash=router.trailing_slash,
            )
            detail = "{pk}" in _readable(regex) or route.detail
            for method, action in sorted(mapping.items()):
                routes.append(
                    ApiRoute(
                        basename=basename,
                        prefix=registered_prefix,
                        viewset=viewset,
                        action=action,
                        method=method,
                        detail=detail,
                        url_name="api:" + route.name.format(basename=basename),
                        pattern=prefix + _readable(regex),
                    )
                )
    return routes


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry, namespace


def all_web_paths() -> list[tuple[str, str]]:
    """(path with placeholders, URL name) of every page in the project, API included."""
    result = []
    for path, entry, namespace in _walk(get_resolver().url_patterns):
        result.append(("/" + _readable(path), namespace + entry.name if entry.name else ""))
    return result
