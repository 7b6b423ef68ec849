"""The error summary at the top of a refused form (as GOV.UK's): every problem, each a link to
its field; ``static/yorisoi/js/app.js`` moves focus to it when the page loads."""

from __future__ import annotations

from typing import Any, TypedDict

from django import template
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import BaseForm, BaseFormSet
from django.utils.functional import Promise

register = template.Library()


class _Error(TypedDict, total=False):
    message: ValidationError | str | Promise
    label: str | Promise
    href: str
    name: str


def _form_errors(form: BaseForm | None, non_field: bool) -> list[_Error]:
    if form is None or not form.is_bound or not form.errors:
        return []
    found: list[_Error] = []
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            if non_field:
                found += [{"message": m} for m in messages]
            continue
        field = form[name]
        if field.is_hidden:  # e.g. the version an edit started from: nothing to go to
            found += [{"message": m, "label": field.label} for m in messages]
            continue
        # Radio buttons and checkbox groups have no element of the field's own id: the first
        # choice (Django's id_x_0) is where the link goes; the script falls back to the name.
        target = field.id_for_label or f"{field.auto_id}_0"
        found += [
            {"message": m, "label": field.label, "href": f"#{target}", "name": field.html_name}
            for m in messages
        ]
    return found


@register.inclusion_tag("includes/error_summary.html")
def error_summary(
    *forms: BaseForm | BaseFormSet[Any] | None, non_field: bool = True
) -> dict[str, list[_Error]]:
    """``{% error_summary form %}`` (several forms, or a formset, may be given).

    ``non_field=False`` leaves out errors that belong to no field, for a page that explains
    those in a box of its own (the consent gate of a referral).
    """
    errors: list[_Error] = []
    for form in forms:
        if isinstance(form, BaseFormSet):  # a formset: its own errors, then each form's
            if non_field:
                errors += [{"message": m} for m in form.non_form_errors()]
            for each in form.forms:
                errors += _form_errors(each, non_field)
        else:
            errors += _form_errors(form, non_field)
    return {"errors": errors}
