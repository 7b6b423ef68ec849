from django import template
from django.apps import apps

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, model_label: str, action: str = "view") -> bool:
    """``{% may "organizations.Membership" "add" as can_add %}``: the same policy the views use."""
    member = context.get("member")
    return apps.get_model(model_label).access_policy.allows(member, action)
