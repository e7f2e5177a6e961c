"""The petitions a dispute came from, for the dispute's record page (the link is kept on both sides)."""

from django import template

register = template.Library()


@register.inclusion_tag("petitions/_linked.html", takes_context=True)
def linked_petitions(context, dispute):
    """The petitions turned into this dispute, as far as the viewer may see them."""
    from fazhi.petitions.models import Petition

    user = context["request"].user
    return {"petitions": list(Petition.objects.visible_to(user).filter(dispute=dispute))}
