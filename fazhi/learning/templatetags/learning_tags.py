"""The learning lists share one row template: a record's cells come from its listing (views.LISTINGS)."""

from django import template

register = template.Library()


@register.filter
def cells(record, listing) -> tuple:
    return listing.cells(record)
