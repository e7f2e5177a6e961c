"""Form parts every ledger's pages share. Forms only convert input; the services decide what is allowed."""

from django import forms
from django.forms import BaseFormSet, formset_factory

from fazhi.errors import FazhiError

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

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


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, org):
        return f"{org.name}（{org.get_kind_display()}）"


def default_unit(form, user, units, *, field: str = "org", preferred=None) -> None:
    """An unbound form proposes the person's own unit among ``units``, else ``preferred``, else the first."""
    if form.is_bound:
        return
    own = user.roles.filter(org__in=units).values_list("org", flat=True).first()
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
