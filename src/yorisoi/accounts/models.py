"""Staff accounts."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.core.models import AuditedModel


class User(AuditedModel, AbstractUser):
    """A person who signs in: staff of one or more organizations, or a system administrator."""

    full_name = models.CharField(_("full name"), max_length=100, blank=True)
    full_name_kana = models.CharField(_("full name (furigana)"), max_length=100, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")  # type: ignore[assignment]  # stubs: str; Django's are lazy too
        verbose_name_plural = _("users")  # type: ignore[assignment]  # stubs: as above

    def __str__(self) -> str:
        return self.full_name or self.username

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.username}"

    def save(self, *args, **kwargs):
        # set_password() leaves the new password in _password until the save; a rehash on
        # sign-in does not. Whoever changed it (the user, the admin, a command), the API
        # tokens of the old password must not outlive it.
        password_changed = self._password is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            from yorisoi.organizations.services import revoke_tokens

            revoke_tokens(user=self, reason="password_change")
