"""Form parts every ledger's pages share. Forms only convert input; the services decide what is allowed."""

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.forms import BaseFormSet, formset_factory

from fazhi.dates import DATE_INPUT_ATTRS, today
from fazhi.errors import FazhiError
from fazhi.orgs.models import Organisation
from fazhi.orgs.scoping import visible_orgs

from .holders import holder_units, role_units
from .parties import PERSONAL

DATE = forms.DateInput(attrs=DATE_INPUT_ATTRS, format="%Y-%m-%d")

WHOLE_FORM_CODES = ("stale_edit", "transition_not_allowed", "permission_denied")


def add_service_error(form, exc: FazhiError) -> None:
    """Put the service's Chinese message on the fields it names, or on the whole form; the form
    is then shown again with everything the person typed."""
    placed = False
    for name, message in exc.fields.items():
        if name in form.fields:
            form.add_error(name, message)
            placed = True
    if not placed or exc.code in WHOLE_FORM_CODES:
        form.add_error(None, exc.message)


class VersionForm(forms.Form):
    """The version the edit is based on, checked by the optimistic lock in ``ledger.services``."""

    version = forms.IntegerField(widget=forms.HiddenInput)


def model_form(model, *names, base=VersionForm, labels=None, rows=None, required=(), **options):
    """A form class whose fields restate ``model``'s fields, so that a page's input is declared once, in the
    model: label from ``verbose_name``, required unless ``blank``, choices, ``max_length``, decimals and
    ``min_value`` from a ``MinValueValidator``, the model's default as ``initial``; dates get the date
    picker, texts a text area. A name ``"form_name:model_field"`` gives the input another name; ``labels``
    word a field as the page needs it, ``rows`` size a text area, ``required`` names fields the action needs
    though the model allows them empty, and ``options[name]`` is passed on (a queryset, an empty label).
    A field the model does not have is declared on a subclass as usual (with ``field_order``). The class
    names ``model``, whose ledger's units a ``ScopedForm`` built on it offers."""
    labels, rows = labels or {}, rows or {}
    fields = {}
    for spec in names:
        name, _, source = spec.partition(":")
        extra = options.get(name, {}) | ({"required": True} if name in required else {})
        field = model._meta.get_field(source or name)
        fields[name] = _model_field(field, rows.get(name, 2), label=labels.get(name), **extra)
    return type(f"{model.__name__}Form", (base,), {**fields, "model": model, "__module__": base.__module__})


def _model_field(field: models.Field, rows: int, *, label=None, **kwargs) -> forms.Field:
    kwargs.setdefault("label", label or field.verbose_name)
    kwargs.setdefault("help_text", "")  # the pages word their own hints
    minimum = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    if minimum:
        kwargs.setdefault("min_value", minimum[0])
    if isinstance(field, models.DateField):
        kwargs.setdefault("widget", DATE)
    elif field.name in PERSONAL:  # an encrypted text column, typed as one line
        kwargs.setdefault("widget", forms.TextInput)
        kwargs.setdefault("max_length", 32)
    elif isinstance(field, models.TextField):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
    form_field = field.formfield(**kwargs)
    if field.choices and form_field.choices[0][0] == "":
        # not Django's "---------"; none when the action requires a choice (it could not be sent)
        blank = [] if kwargs.get("required") else [("", "—")]
        form_field.choices = [*blank, *form_field.choices[1:]]
    return form_field


def show_by_choice(form_class, switch: str, fields_of: dict[str, tuple[str, ...]]) -> None:
    """Mark a form so that the page shows only the fields of the choice made in ``switch`` (a select or a
    radio group): ``fields_of`` maps each choice to its own fields (fazhi.js, ``data-kind-switch`` on the
    switch and ``data-kinds`` on each field; without script every field stays visible). Fields of another
    choice are the services' to ignore or clear."""
    form_class.base_fields[switch].widget.attrs["data-kind-switch"] = ""
    kinds: dict[str, list[str]] = {}
    for choice, names in fields_of.items():
        for name in names:
            kinds.setdefault(name, []).append(choice)
    for name, choices in kinds.items():
        if len(choices) < len(fields_of):  # a field of every choice (a date both outcomes have) stays shown
            form_class.base_fields[name].widget.attrs["data-kinds"] = " ".join(choices)


class UnitChoiceField(forms.ModelChoiceField):
    """One unit, named with its kind; without an ``empty_label`` the first is proposed, as for the unit that
    holds a new record. A ``ScopedForm`` offers the units the ledger declares for it (``role``, else the
    holder kinds); another form's ``__init__`` sets the units offered itself."""

    def __init__(self, *args, role: str = "", **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.none())
        kwargs.setdefault("empty_label", None)
        super().__init__(*args, **kwargs)
        self.role = role

    def label_from_instance(self, org):
        return f"{org.name}（{org.get_kind_display()}）"


class UnitsField(forms.ModelMultipleChoiceField):
    """Several units ticked in a list (assisting units, co-reviewing units) in the ledger's ``role`` for
    them (``Ledger.unit_kinds``); optional. A ``ScopedForm`` offers them; the API takes their codes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, label: str, *, role: str, **kwargs):
        super().__init__(queryset=Organisation.objects.none(), label=label, required=False, **kwargs)
        self.role = role


class ScopedForm(forms.Form):
    """A form that knows the person (``user=``; ``record=`` on an action page, which passes both) and offers
    in its unit fields the units the ledger declares for them (``ledger.holders``), so that a form names a
    unit field's role, not its choices: a ``UnitChoiceField`` the units the person writes for that may hold
    the ``model``'s records (on an action page the other ones: where to hand the record) or play the
    field's ``role``; a ``UnitsField`` the person's units in its role,
    left out when there are none. Unbound, ``org`` proposes the person's own unit (else the first of kind
    ``preferred_kind``) and the ``starts_today`` dates are today. The ledger is that of the record, else
    of the class's ``model`` (``model_form`` sets it)."""

    starts_today: tuple[str, ...] = ()
    preferred_kind = ""

    def __init__(self, *args, user, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        model = type(record) if record is not None else self.model
        for name, field in list(self.fields.items()):
            if isinstance(field, UnitsField):
                field.queryset = role_units(model, field.role, visible_orgs(user))
                if not field.queryset.exists():
                    del self.fields[name]
            elif isinstance(field, UnitChoiceField):
                writable = visible_orgs(user, write=True)
                if field.role:
                    field.queryset = role_units(model, field.role, writable)
                else:  # on an action page, a unit to hand the record to: not the one holding it
                    holders = holder_units(model, writable)
                    field.queryset = holders.exclude(pk=record.org_id) if record is not None else holders
        if self.is_bound:
            return
        self.initial |= {name: today() for name in self.starts_today if name not in self.initial}
        if "org" in self.fields:
            default_unit(self, user, self.fields["org"].queryset, preferred_kind=self.preferred_kind)


def default_unit(form, user, units, *, field: str = "org", preferred=None, preferred_kind: str = "") -> None:
    """An unbound form proposes the person's own unit among ``units``, else ``preferred`` (or the first
    of ``preferred_kind``), else the first."""
    if form.is_bound:
        return
    own = user.roles.filter(org__in=units).values_list("org", flat=True).first()
    if preferred_kind:
        preferred = units.filter(kind=preferred_kind).values_list("pk", flat=True).first()
    first = units.values_list("pk", flat=True).first()
    form.initial.setdefault(field, own or preferred or first)


class _OptionalRows(BaseFormSet):
    """Every row may stay empty (untouched rows are skipped); the service requires what it must."""

    def initial_form_count(self):
        return 0


def party_formset(form_class, rows: list[dict], *, max_num: int = 20):
    """A formset of party rows; each row's defaults are its initial values, so that an untouched row
    counts as unchanged and is skipped by ``filled_rows``."""
    formset = formset_factory(form_class, formset=_OptionalRows, extra=len(rows), max_num=max_num)
    formset.rows = rows
    return formset


def bind_parties(formset_class, data):
    return formset_class(data, prefix="p", initial=formset_class.rows)


def filled_rows(formset) -> list[dict]:
    return [row.cleaned_data for row in formset if row.has_changed() and row.cleaned_data]
