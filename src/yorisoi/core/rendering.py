"""The form renderer: widgets and each field's label, help and errors rendered by Jinja2.

Django's template language costs about a millisecond a field for the label-and-errors
wrapper (``includes/field.html``); the case page's quick contact form alone took 15 ms of its
render. The same markup as a Jinja2 template (``core/jinja2/yorisoi/forms/field.html``),
reached through ``BoundField.as_field_group``, costs a fraction of that. Checkbox, radio and
select widgets write each option in place (``core/jinja2/django/forms/widgets/``): Django's
templates include three templates per option, each with a context of its own.
"""

from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

# Words the field template shows, translated where they are declared (makemessages reads
# Python and Django templates, not Jinja2 ones).
TEXTS = {"required": _("required")}


def environment(**options: Any) -> jinja2.Environment:
    env = jinja2.Environment(**options)  # noqa: S701  # Django's backend turns autoescape on
    env.globals["texts"] = TEXTS
    return env


class FormRenderer(Jinja2):
    field_template_name = "yorisoi/forms/field.html"

    @cached_property
    def engine(self) -> Any:
        return self.backend(
            {
                "APP_DIRS": True,
                # Ours first (the field group, and choice widgets without an include per
                # option), then Django's widget templates.
                "DIRS": [Path(__file__).parent / "jinja2", Path(forms.__file__).parent / "jinja2"],
                "NAME": "djangoforms",
                "OPTIONS": {"environment": "yorisoi.core.rendering.environment"},
            }
        )
