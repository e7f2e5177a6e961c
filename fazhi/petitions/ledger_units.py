"""Which units hold the ledger's records (read by ledger.py and the forms)."""

from fazhi.orgs.models import Kind

# The 街道, its 信访办 or other 内设机构, and a 社区 (residents bring matters to their community first).
HOLDER_KINDS = frozenset({Kind.STREET, Kind.OFFICE, Kind.COMMUNITY})
# A 居民议事会 is a community's.
COUNCIL_KINDS = frozenset({Kind.COMMUNITY})
