"""Form helpers every ledger's pages share."""

from fazhi.errors import FazhiError

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
