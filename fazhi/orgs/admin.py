from django.contrib import admin

from .models import Organisation, RoleAssignment


class RoleInline(admin.TabularInline):
    """Who holds which role here, for reading: roles are assigned on their own page (安全管理员)."""

    model = RoleAssignment
    extra = 0
    fields = readonly_fields = ("user", "role")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "short_name", "kind", "parent", "residents", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "code", "short_name")
    autocomplete_fields = ["parent"]
    inlines = [RoleInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    """The security administrator's page; the model refuses what breaks 三员分立 (accounts.separation)."""

    list_display = ("user", "org", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "user__full_name", "org__name")
    autocomplete_fields = ["user"]  # the organisations stay a list: the security admin does not manage them

    def _own(self, request, obj) -> bool:
        return obj is not None and obj.user_id == request.user.pk

    def has_change_permission(self, request, obj=None):
        return not self._own(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._own(request, obj) and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        for assignment in queryset:  # one by one, so that the model's own checks run
            assignment.delete()
