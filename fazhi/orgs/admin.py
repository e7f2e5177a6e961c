from django.contrib import admin

from .models import Organisation, RoleAssignment


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "short_name", "kind", "parent", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "code", "short_name")
    autocomplete_fields = ["parent"]
    inlines = [RoleInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "org", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "user__full_name", "org__name")
    autocomplete_fields = ["user", "org"]
