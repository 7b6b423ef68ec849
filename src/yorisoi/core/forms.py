"""Form bases: 和暦-aware dates everywhere, and the version an edit started from."""

from django import forms
from django.db import models

from yorisoi.core.fields import JapaneseDateField


def _formfield(db_field: models.Field, **kwargs):
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs["form_class"] = JapaneseDateField
    return db_field.formfield(**kwargs)


class ModelForm(forms.ModelForm):
    """A ModelForm whose date fields accept ISO, slashes and 和暦 (R7.4.1, 令和7年4月1日)."""

    formfield_callback = _formfield


class VersionedModelForm(ModelForm):
    """Carries the version the edit started from, so a lost race is refused, not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def service_fields(self) -> dict:
        """The cleaned data a service takes as field changes (the version travels apart)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}
