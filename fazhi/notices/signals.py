"""Who hears of a change: a dispatched dispute's receiving unit, the unit a returned one goes back to, the
reviewer a legality review is assigned to (交办)."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from fazhi.disputes.models import Dispatch
from fazhi.legal.models import ReviewItem

from .models import Kind
from .services import notify, people_of


@receiver(post_save, sender=Dispatch, dispatch_uid="notices-dispatch")
def dispatched(sender, instance: Dispatch, created: bool, raw: bool = False, **kwargs):
    if not created or raw:
        return
    dispute = instance.dispute
    if instance.returned:
        kind, title = Kind.RETURNED, f"纠纷被退回：{dispute.number}（{instance.from_org}退回）"
    else:
        kind, title = Kind.DISPATCH, f"新分派的纠纷：{dispute.number}（{instance.from_org}分派）"
    body = instance.note or dispute.summary[:200]
    notify(people_of(instance.to_org), kind, title, body, record=dispute)


@receiver(pre_save, sender=ReviewItem, dispatch_uid="notices-review-before")
def _reviewer_before(sender, instance: ReviewItem, raw: bool = False, **kwargs):
    if raw or not instance.pk:
        instance._notices_reviewer_before = (None, None)
        return
    old = sender._default_manager.filter(pk=instance.pk).values_list("reviewer_org_id", "reviewer_id").first()
    instance._notices_reviewer_before = old or (None, None)


@receiver(post_save, sender=ReviewItem, dispatch_uid="notices-review-assigned")
def review_assigned(sender, instance: ReviewItem, created: bool, raw: bool = False, **kwargs):
    """交办 of a legality review to a reviewing unit or person: the named reviewer, else the unit's people."""
    if raw or instance.reviewer_org_id is None:
        return
    now = (instance.reviewer_org_id, instance.reviewer_id)
    if now == getattr(instance, "_notices_reviewer_before", now):
        return
    people = [instance.reviewer] if instance.reviewer_id else people_of(instance.reviewer_org)
    title = f"交办合法性审查：{instance.number}（{instance.reviewer_org}）"
    notify(people, Kind.ASSIGNMENT, title, instance.title[:200], record=instance)
