from django.contrib import admin

from yorisoi.organizations.models import Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "title", "is_active"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "slug",
        "kind",
        "prefecture",
        "municipality",
        "require_two_factor",
        "is_active",
    ]
    list_filter = ["kind", "prefecture", "require_two_factor", "is_active"]
    search_fields = ["name", "slug", "municipality"]
    inlines = [MembershipInline]

    def has_delete_permission(self, request, obj=None):
        return False  # an organization with records is deactivated, never deleted
