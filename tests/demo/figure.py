"""A demo street's figure for a whole year, as the checks of the demo read it."""

import datetime

from fazhi.figures import registry
from fazhi.orgs.models import Organisation


def value(orgs, code, year=2024, street="wuchang"):
    """The registry's figure ``code`` of ``street`` (any demo unit's code; with its units) for the whole
    ``year``."""
    units = Organisation.objects.subtree_of([orgs[street]])
    return registry.get(code).compute(units, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
