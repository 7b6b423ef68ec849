"""Form bases: 和暦-aware dates everywhere, and the version an edit started from."""

from django import forms

from yorisoi.core.fields import JapaneseDateField


class ModelForm(forms.ModelForm):
    """A ModelForm whose date fields accept ISO, slashes and 和暦 (R7.4.1, 令和7年4月1日)."""

    def __init__(self, *args, **kwargs):
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
