"""The person's own notifications: the list, marking read. Anyone else's notification answers 404.
Marking read is the person's own reading state, not a change of any record: not in the audit trail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from fazhi.paging import paginate

from . import services


@login_required
def notice_list(request):
    notices = services.visible_to(request.user).select_related("content_type")
    unread_only = request.GET.get("unread") == "1"
    if unread_only:
        notices = notices.filter(read_at__isnull=True)
    context = paginate(request, notices, 50) | {"unread_only": unread_only}
    return render(request, "notices/list.html", context)


@login_required
@require_POST
def read(request, pk: int):
    notice = get_object_or_404(services.visible_to(request.user), pk=pk)
    services.mark_read(request.user, [notice.pk])
    if request.POST.get("open") and notice.link and url_has_allowed_host_and_scheme(notice.link, None):
        return redirect(notice.link)
    return redirect("notices:list")


@login_required
@require_POST
def read_all(request):
    count = services.mark_read(request.user)
    messages.success(request, f"已将 {count} 条通知标为已读。" if count else "没有未读通知。")
    return redirect("notices:list")


def unread(request) -> dict:
    """Context processor: the header's unread count."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    return {"unread_notices": services.unread_count(user)}
