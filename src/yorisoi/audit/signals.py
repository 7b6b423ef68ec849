"""Every create, update and delete of an audited model is logged, whichever code path saved it."""

from django.contrib.auth import signals as auth_signals
from django.db.models.signals import post_delete, post_save

from yorisoi.core import recorder
from yorisoi.core.models import AuditedModel
from yorisoi.core.recorder import AuditAction


def _audited(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, AuditedModel) and sender.audit_changes


def on_save(sender, instance, created, raw=False, **kwargs):
    if raw or not _audited(sender):
        return
    if created:
        recorder.record(AuditAction.CREATE, instance)
    else:
        changed = instance.changed_fields()
        if changed or not hasattr(instance, "_loaded_values"):
            recorder.record(AuditAction.UPDATE, instance, changes=changed)
    # Remember the saved state so a second save names only what changed since.
    instance._loaded_values = {
        f.attname: getattr(instance, f.attname) for f in sender._meta.concrete_fields
    }


def on_delete(sender, instance, **kwargs):
    if _audited(sender):
        recorder.record(AuditAction.DELETE, instance)


def on_login(sender, request, user, **kwargs):
    recorder.record(AuditAction.LOGIN, user, organization_id=_first_org(user), actor=user)


def on_logout(sender, request, user, **kwargs):
    if user is not None:
        recorder.record(AuditAction.LOGOUT, user, organization_id=_first_org(user), actor=user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    recorder.record(AuditAction.LOGIN_FAILED, detail={"username": username})


def _first_org(user):
    member = user.memberships.filter(is_active=True).order_by("pk").first()
    return member.organization_id if member else None


def connect() -> None:
    post_save.connect(on_save, dispatch_uid="yorisoi_audit_save")
    post_delete.connect(on_delete, dispatch_uid="yorisoi_audit_delete")
    auth_signals.user_logged_in.connect(on_login, dispatch_uid="yorisoi_audit_login")
    auth_signals.user_logged_out.connect(on_logout, dispatch_uid="yorisoi_audit_logout")
    auth_signals.user_login_failed.connect(on_login_failed, dispatch_uid="yorisoi_audit_failed")
