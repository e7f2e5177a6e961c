"""The default dispute types, kept present after every migrate and database flush.

A post_migrate handler rather than a data migration: flushing the database (a restore, a
transactional test) empties every table and emits post_migrate again, so the list comes back
the way content types do. Administrators may rename or add types; missing defaults are re-added.
"""

DEFAULT_TYPES = [
    "劳资",
    "邻里",
    "婚姻家庭",
    "物业",
    "房屋土地",
    "交通事故",
    "消费",
    "噪声",
    "知识产权/电商",
    "其他",
]


def ensure_default_types(sender=None, using="default", **kwargs):
    from .models import DisputeType

    # The defaults are nobody's change: bulk_create sends no signals, so the audit trail (which
    # watches the list) records only what an administrator does to it.
    present = set(DisputeType.objects.using(using).values_list("name", flat=True))
    DisputeType.objects.using(using).bulk_create(
        [
            DisputeType(name=name, order=order * 10)
            for order, name in enumerate(DEFAULT_TYPES, start=1)
            if name not in present
        ]
    )
