from django import template
from django.apps import apps
from django.template.context import Context
from django.urls import reverse

from yorisoi.core import navigation
from yorisoi.core.scoping import scoped

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context: Context, model_label: str, action: str = "view") -> bool:
    """``{% may "organizations.Membership" "add" as can_add %}``: the same policy the views use."""
    member = context.get("member")
    return scoped(apps.get_model(model_label)).access_policy.allows(member, action)


@register.simple_tag(takes_context=True)
def url_if_allowed(context: Context, url_name: str, *args: object) -> str:
    """``{% url_if_allowed "agencies:council_list" as url %}``: the URL, or "" when the member's
    role may not open that page (the view's own rule decides, see navigation.may_open)."""
    if not navigation.may_open(context.get("member"), url_name, *args):
        return ""
    return reverse(url_name, args=args)
