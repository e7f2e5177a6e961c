"""The pages every ledger has, declared once per ledger (``<app>/views.py``) and mounted by ``urls()``:
the detail page, the reveal of personal data, the registration page and one page per action.

A list is a :class:`ListPage`: its filters and columns (a ``filters.LedgerFilterSet``) and the template
drawing one row; the list page is the kit's (filtered, sorted, paged with a chosen page size).

An action is a row of ``actions``: its form, its service (``run``), the form's initial values and when it
is available; ``fazhi.ledger.api.LedgerViewSet`` makes the API route from the same row (its input made
from the form by ``ledger.inputs``, or the row's serializer). The detail page's buttons come from ``available(record, user)``, so the condition a button
depends on is written once: an unavailable action's page (GET) and API route answer 409 with the
reason. The service still enforces its own rule, and its refusal is what a page POST shows on the form.
Sibling of ``excel_pages.ExcelPages``."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Manager, Model, QuerySet
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.orgs.scoping import can_write, require_some_write, sees_personal_data
from fazhi.paging import paginate

from . import bulk_actions
from . import documents as docs
from .forms import ScopedForm, add_service_error, bind_parties, filled_rows
from .history import audit_events
from .parties import masked_parties
from .services import reveal_parties


def _always(record, user) -> bool:
    return True


@dataclass(frozen=True)
class PageAction:
    title: str  # page title, button text, success message "<title>已保存。" and API summary
    form: type
    run: Callable  # the service: (user, record, version, **fields), or (user, record, **fields) without version
    initial: Callable[[Any, Any], dict] | None = None  # (record, user) → the form's initial values
    available: Callable[[Any, Any], bool] = _always  # (record, user) → whether the action applies now
    serializer: type | None = None  # the API's input, when it cannot be made from the form (ledger.inputs)
    # The API route's name (the viewset method and URL segment), when it differs from the action's; a
    # keyword or a viewset's own name ("dispatch") is "<name>_action" at the URL "<name>/" by itself. The
    # action named "edit" is the API's PATCH (and PUT) of the record.
    api: str = ""
    api_path: str = ""  # the API URL segment, when it differs from ``api``
    creates: bool = False  # the service returns a new record: the page opens it, the API answers 201
    secondary: bool = False  # drawn as a secondary button
    label: Callable[[Any], str] | None = None  # (record) → button text, when it depends on the record
    # the form takes ``user=`` and ``record=`` (choices depend on them); a ScopedForm always does
    form_context: bool = False
    warning: Callable[[Any], str] | None = None  # (saved record) → a warning shown after saving

    def form_kwargs(self, user, record) -> dict:
        context = self.form_context or issubclass(self.form, ScopedForm)
        return {"user": user, "record": record} if context else {}

    def initial_for(self, record, user) -> dict:
        initial = {"version": record.version} if "version" in self.form.base_fields else {}
        return initial | (self.initial(record, user) if self.initial else {})

    def call(self, user, record, data: dict):
        data = dict(data)
        if "version" in data:
            return self.run(user, record, data.pop("version"), **data)
        return self.run(user, record, **data)


@dataclass(frozen=True)
class NewPage:
    """Registering a record: a form (taking ``user=``), optionally party rows, and the service."""

    form: type
    run: Callable  # (user, **fields) or (user, parties=[party(**row)], **fields)
    template: str
    saved: Callable[[Any], str]  # (new record) → the success message
    parties: type | None = None  # a formset class from ``ledger.forms.party_formset``
    party: Callable | None = None  # row dict → the service's party data
    name: str = "new"  # URL name
    back: str = ""  # URL name of the cancel link
    title: str = ""  # page title, for a template shared by several registration pages
    # (request) → the form's initial values, e.g. from the record the page was opened from (?inspection=7)
    initial: Callable | None = None


@dataclass(frozen=True)
class ListPage:
    """A list of the ledger's records. ``template`` extends ``ledger/list.html`` and draws a row's cells
    (``r`` is the record); ``narrow`` (request, queryset) → the records of this list, e.g. an inbox."""

    title: str
    template: str
    filters: Any  # the ledger's LedgerFilterSet (its filters.py)
    related: tuple = ()  # prefetched for the rows
    narrow: Callable | None = None
    path: str = ""  # under the pages' prefix; "" for the ledger's list
    name: str = ""  # URL name; the pages' ``list_name`` unless given
    empty: str = "没有符合条件的记录。"
    context: Callable | None = None  # (request) → more of the template's context, e.g. a setting it names


@dataclass(frozen=True)
class Button:
    url: str
    label: str
    secondary: bool


def _no_context(request, record) -> dict:
    return {}


@dataclass(frozen=True)
class DocumentLink:
    title: str
    docx: str
    pdf: str


@dataclass(frozen=True)
class LedgerPages:
    namespace: str  # the app's URL namespace, e.g. "disputes"
    queryset: Callable[..., QuerySet]  # (user, write=False) → the records the person may see (or write)
    detail_template: str
    detail: Callable[..., dict] = _no_context  # (request, record) → the detail page's own context
    timeline: Callable | None = None  # (record) → the business timeline, "events" on the detail page
    actions: dict[str, PageAction] = field(default_factory=dict)
    new: NewPage | None = None
    lists: tuple[ListPage, ...] = ()  # the list pages, the first the ledger's list
    has_parties: bool = False  # parties with personal data: a reveal page (logged in the audit trail)
    prefix: str = ""  # URL prefix inside the namespace, e.g. "suggestions/"
    list_name: str = "list"
    detail_name: str = "detail"
    # One URL "<pk>/<action>/" with this name for every action; "" gives each action its own URL name,
    # "<detail_name>_<action>", at "<pk>/<action with - for _>/".
    action_name: str = "action"
    # the record's documents to print (fazhi.ledger.documents), downloaded at "<pk>/documents/<code>.docx"
    # (and .pdf), offered on the detail page when ``available``
    documents: tuple = ()
    # actions that may run on many records ticked on the list at once (e.g. 批量分派): their form is
    # filled once and the service runs for each record, all or nothing. Export and print of the ticked
    # records need no declaration.
    bulk: tuple[str, ...] = ()

    def __post_init__(self):
        if unknown := [name for name in self.bulk if name not in self.actions]:
            raise ValueError(f"{self.namespace}: bulk names actions it does not have: {unknown}")

    # --- URLs -------------------------------------------------------------------------------------

    def urls(self) -> list:
        p = self.prefix
        urls = [
            path(
                f"{p}{page.path}",
                login_required(self.list_page),
                {"listing": page},
                name=page.name or self.list_name,
            )
            for page in self.lists
        ]
        if self.new:
            urls.append(path(f"{p}new/", login_required(self.new_page), name=self.new.name))
        urls.append(path(f"{p}bulk/", login_required(self.bulk_page), name=self._bulk_name))
        urls.append(path(f"{p}<int:pk>/", login_required(self.detail_page), name=self.detail_name))
        urls.append(path(f"{p}<int:pk>/print/", login_required(self.print_page), name=self._print_name))
        for fmt in ("docx", "pdf") if self.documents else ():
            urls.append(
                path(
                    f"{p}<int:pk>/documents/<slug:code>.{fmt}",
                    login_required(self.document_file),
                    {"fmt": fmt},
                    name=f"{self._document_name}_{fmt}",
                )
            )
        if self.has_parties:
            urls.append(
                path(f"{p}<int:pk>/reveal/", login_required(require_POST(self.reveal)), name="reveal")
            )
        if self.action_name:
            urls.append(
                path(f"{p}<int:pk>/<str:name>/", login_required(self.action_page), name=self.action_name)
            )
        else:
            for name in self.actions:
                view = login_required(self.action_page)
                slug = name.replace("_", "-")
                urls.append(path(f"{p}<int:pk>/{slug}/", view, {"name": name}, name=self._action_url(name)))
        return urls

    @property
    def _bulk_name(self) -> str:
        return f"{self.detail_name}_bulk"

    @property
    def _print_name(self) -> str:
        return f"{self.detail_name}_print"

    @property
    def _document_name(self) -> str:
        return f"{self.detail_name}_document"

    def document_links(self, record) -> list[DocumentLink]:
        """The detail page's document buttons: the documents the record has now."""
        links = []
        for d in self.documents:
            if d.available(record):
                args = [record.pk, d.code]
                links.append(
                    DocumentLink(
                        d.title,
                        reverse(f"{self.namespace}:{self._document_name}_docx", args=args),
                        reverse(f"{self.namespace}:{self._document_name}_pdf", args=args),
                    )
                )
        return links

    def _action_url(self, name: str) -> str:
        return self.action_name or f"{self.detail_name}_{name}"

    def action_href(self, record, name: str) -> str:
        if self.action_name:
            return reverse(f"{self.namespace}:{self.action_name}", args=[record.pk, name])
        return reverse(f"{self.namespace}:{self._action_url(name)}", args=[record.pk])

    def buttons(self, record, user) -> list[Button]:
        """The detail page's action buttons: none for a person who cannot write the record's unit."""
        if not can_write(user, record.org):
            return []
        return [
            Button(self.action_href(record, name), a.label(record) if a.label else a.title, a.secondary)
            for name, a in self.actions.items()
            if a.available(record, user)
        ]

    # --- views ------------------------------------------------------------------------------------

    def list_page(self, request, listing: ListPage):
        user = request.user
        queryset = self.queryset(user)
        if listing.narrow:
            queryset = listing.narrow(request, queryset)
        queryset = listing.filters.apply(queryset, request.GET, user=user).prefetch_related(*listing.related)
        context = {"title": listing.title, "empty": listing.empty, "today": today()}
        context |= paginate(request, queryset, sizes=listing.filters.page_sizes)
        if listing.context:
            context |= listing.context(request)
        context["bulk"] = {
            "url": reverse(f"{self.namespace}:{self._bulk_name}"),
            "actions": [(name, f"批量{self.actions[name].title}") for name in self.bulk],
        }
        return render(request, listing.template, context | listing.filters.page_context(request))

    def detail_page(self, request, pk: int):
        record = get_object_or_404(self.queryset(request.user), pk=pk)
        # The audit trail, folded below the ledger's own business timeline ("events"), on every detail page.
        context = {
            "record": record,
            "buttons": self.buttons(record, request.user),
            "audit": audit_events(record),
            "print_documents": self.document_links(record),
            "print_url": reverse(f"{self.namespace}:{self._print_name}", args=[record.pk]),
        }
        return render(request, self.detail_template, context | self._detail_context(request, record))

    def print_page(self, request, pk: int):
        """The record as the detail page shows it (fields, parties as masked there, the business timeline)
        laid out for paper: no navigation, buttons, attachments or audit trail (web/base.html's
        ``printing``; the print style sheet in web/fazhi.css)."""
        record = get_object_or_404(self.queryset(request.user), pk=pk)
        return render(request, self.detail_template, self.print_context(request, record))

    def print_context(self, request, record) -> dict:
        context = {
            "record": record,
            "buttons": [],
            "audit": [],
            "print_documents": [],
            "printing": True,
            "back_url": reverse(f"{self.namespace}:{self.detail_name}", args=[record.pk]),
        }
        return context | self._detail_context(request, record) | {"may_reveal": False}

    def bulk_page(self, request):
        return bulk_actions.bulk_page(self, request)

    def document_file(self, request, pk: int, code: str, fmt: str):
        record = get_object_or_404(self.queryset(request.user), pk=pk)
        document = next((d for d in self.documents if d.code == code), None)
        if document is None:
            raise Http404("没有这种文书。")
        if request.method not in ("GET", "HEAD"):  # after the scope check: another unit's record is 404
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return download_page(
            request, record, lambda: docs.document_download(document, record, request.user, fmt)
        )

    def _detail_context(self, request, record) -> dict:
        context = {}
        if self.timeline:
            context["events"] = self.timeline(record)
        if self.has_parties:  # as the person may see them; the reveal page shows them whole
            context["parties"] = masked_parties(request.user, record)
            context["may_reveal"] = sees_personal_data(request.user, record.org)
        return context | self.detail(request, record)

    def reveal(self, request, pk: int):
        record = get_object_or_404(self.queryset(request.user), pk=pk)
        try:
            revealed = reveal_parties(request.user, record)
        except FazhiError as exc:
            return HttpResponse(exc.message, status=403)
        role = record.parties.model._meta.get_field("role")
        labels = dict(role.flatchoices)
        for party in revealed:
            party["role_label"] = labels.get(party["role"], party["role"])
        return render(
            request, "ledger/_revealed.html", {"parties": revealed, "role_title": role.verbose_name}
        )

    def new_page(self, request):
        new, user = self.new, request.user
        require_some_write(user)
        initial = new.initial(request) if new.initial and request.method == "GET" else None
        form = new.form(request.POST or None, user=user, initial=initial)
        parties = bind_parties(new.parties, request.POST or None) if new.parties else None
        if request.method == "POST" and form.is_valid() and (parties is None or parties.is_valid()):
            data = dict(form.cleaned_data)
            if parties is not None:
                data["parties"] = [new.party(**row) for row in filled_rows(parties)]
            try:
                record = new.run(user, **data)
            except FazhiError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, new.saved(record))
                return redirect(f"{self.namespace}:{self.detail_name}", pk=record.pk)
        back = f"{self.namespace}:{new.back or self.list_name}"
        return render(
            request, new.template, {"form": form, "parties": parties, "back": back, "title": new.title}
        )

    def action_page(self, request, pk: int, name: str):
        """GET shows the form (or why the action does not apply now); POST runs the service, and its
        refusal is shown on the form with everything typed kept. Readers find no record here (404)."""
        action = self.actions.get(name)
        if action is None:
            raise Http404("没有这个操作。")
        record = get_object_or_404(self.queryset(request.user, write=True), pk=pk)
        user, status = request.user, 200
        kwargs = action.form_kwargs(user, record)
        refused = ""
        if request.method == "POST":
            form = action.form(request.POST, request.FILES, **kwargs)
            if form.is_valid():
                try:
                    saved = action.call(user, record, form.cleaned_data)
                except FazhiError as exc:
                    add_service_error(form, exc)
                else:
                    return self._saved(request, action, saved if isinstance(saved, Model) else record)
        else:
            form = action.form(initial=action.initial_for(record, user), **kwargs)
            if not action.available(record, user):
                refused, status = unavailable_message(action, record), 409
        back = reverse(f"{self.namespace}:{self.detail_name}", args=[record.pk])
        context = {"record": record, "form": form, "title": action.title, "back": back, "refused": refused}
        return render(request, "ledger/action.html", context, status=status)

    def _saved(self, request, action: PageAction, saved):
        messages.success(request, f"{action.title}已保存。")
        if action.warning and (text := action.warning(saved)):
            messages.warning(request, text)
        if not self.queryset(request.user).filter(pk=saved.pk).exists():
            # handed to a unit the person cannot see (a 退回): back to their 待办, not to a 404
            return redirect("web:home")
        return redirect(f"{self.namespace}:{self.detail_name}", pk=saved.pk)


def download_page(request, record, make: Callable[[], HttpResponse]) -> HttpResponse:
    """A record's document download for a page: ``make()``'s answer; a document the record does not have
    is 404, a template or PDF converter that fails is a message on the record's page (never a 500)."""
    try:
        return make()
    except FazhiError as exc:
        if exc.status_code == 404:
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
        return redirect(record)


def unavailable_message(action: PageAction, record) -> str:
    if not hasattr(record, "status_label"):  # an activity record: no status to name
        return f"“{record}”当前不能{action.title}。"
    return f"{getattr(record, 'number', record)}当前为“{record.status_label}”，不能{action.title}。"


# --- when an action is available, and its initial values: the common cases ---------------------------


def allows(state: str) -> Callable[[Any, Any], bool]:
    """Available while the record's status machine allows moving to ``state``."""
    return lambda record, user: state in record.STATES.allowed(record.status)


def in_status(*states: str) -> Callable[[Any, Any], bool]:
    return lambda record, user: record.status in states


def is_open(record, user) -> bool:
    return not record.is_closed


def is_closed(record, user) -> bool:
    return record.is_closed


def current(*fields: str) -> Callable[[Any, Any], dict]:
    """Initial values: the record's current values of ``fields`` (edit forms); of a many-to-many field
    the related records' keys."""
    return lambda record, user: {name: _value(record, name) for name in fields}


def _value(record, name: str):
    value = getattr(record, name)
    return list(value.values_list("pk", flat=True)) if isinstance(value, Manager) else value


def edit_action(form: type, run: Callable, fields, **options) -> PageAction:
    """The action that edits a record's details (the API's PATCH): its form starts from the record's
    current ``fields``, its button is a secondary one."""
    return PageAction("修改基本信息", form, run, initial=current(*fields), secondary=True, **options)


def on_today(*fields: str, **values) -> Callable[[Any, Any], dict]:
    """Initial values: today's date in each of ``fields``, and the fixed ``values``."""
    return lambda record, user: dict.fromkeys(fields, today()) | values
