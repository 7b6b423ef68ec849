"""Showing a service's ValidationError on the form that called it."""

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError) -> None:
    """Put each message on the field it names, or at the top when the form has no such field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class ServiceErrorsMixin:
    """A form view whose service may refuse the data: the form is shown again with why."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
