"""How a person's name reads on a page (any object with ``name`` and ``nickname``): a nickname
(呼び名) is marked as one, never shown as if it were the registered name (issue 15 §3.10)."""

from typing import Protocol

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def nickname(self) -> str: ...


@register.filter
def person_name(person: _Named | None) -> str:
    """``{{ case.person|person_name }}``: the name; else the nickname with a 呼び名 mark."""
    if person is None:
        return ""
    if person.name:
        return format_html("{}", person.name)
    if person.nickname:
        return format_html(
            '<span class="nickname">{}</span> <span class="nickname-mark">{}</span>',
            person.nickname,
            _("Nickname"),
        )
    return format_html('<span class="name-unknown">{}</span>', _("(name not known)"))
