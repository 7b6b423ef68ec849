from django import template

register = template.Library()


@register.filter
def emergency_contacts(members) -> list:
    """The household members marked as emergency contacts (from a list already fetched)."""
    return [m for m in members or () if m.is_emergency_contact]
