"""Form bases: 和暦-aware dates everywhere, and the version an edit started from."""

from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from django import forms
from django.db import models

from yorisoi.core.fields import JapaneseDateField

_M = TypeVar("_M", bound=models.Model)

if TYPE_CHECKING:
    _ModelForm = forms.ModelForm
else:
    # At runtime Django's ModelForm takes no type parameter (django_stubs_ext is not patched in).
    class _ModelForm(forms.ModelForm, Generic[_M]):
        pass


class ModelForm(_ModelForm[_M]):
    """A ModelForm whose date fields accept ISO, slashes and 和暦 (R7.4.1, 令和7年4月1日)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Swapped here: Django does not inherit a base form's formfield_callback.
        for name, field in self.fields.items():
            if type(field) is forms.DateField:
                self.fields[name] = JapaneseDateField(
                    required=field.required,
                    label=field.label,
                    help_text=field.help_text,
                    initial=field.initial,
                    disabled=field.disabled,
                )


class _Versioned(Protocol):
    version: int


class VersionedModelForm(ModelForm[_M]):
    """Carries the version the edit started from, so a lost race is refused, not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = cast(_Versioned, self.instance).version

    def service_fields(self) -> dict[str, Any]:
        """The cleaned data a service takes as field changes (the version travels apart)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}
