"""List and export events no longer keep the query string a search was made with.

They once stored it whole, so the words typed into a search (a person's name, 「自傷」) sat in
the log for everyone who reads it, the system administrator included, who may not read case
records. This rewrites those events once to what they keep now: the names of the filters
used, never their values. It is the one change ever made to written events, made for the
people the searches were about; on PostgreSQL the append-only trigger is paused for it
within this migration's transaction.
"""

from urllib.parse import parse_qsl

from django.db import migrations, models

TRIGGER = "audit_event_append_only"


def _filters(query: str) -> list[str]:
    return sorted({name for name, value in parse_qsl(query, keep_blank_values=True) if value})


def forwards(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {TRIGGER}")
    batch = []
    for event in AuditEvent.objects.filter(detail__has_key="query").only("id", "detail").iterator():
        detail = dict(event.detail)
        filters = _filters(str(detail.pop("query") or ""))
        if filters:
            detail["filters"] = filters
        event.detail = detail
        batch.append(event)
        if len(batch) >= 500:
            AuditEvent.objects.bulk_update(batch, ["detail"])
            batch = []
    AuditEvent.objects.bulk_update(batch, ["detail"])
    if postgres:
        schema_editor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_alter_auditevent_action")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("create", "Created"),
                    ("update", "Changed"),
                    ("delete", "Deleted"),
                    ("view", "Viewed"),
                    ("list", "Listed"),
                    ("export", "Exported"),
                    ("import", "Imported"),
                    ("login", "Signed in"),
                    ("login_failed", "Sign-in failed"),
                    ("logout", "Signed out"),
                    ("password_change", "Password changed"),
                    ("two_factor", "Second factor changed"),
                    ("token", "API token issued or revoked"),
                    ("provide", "Provided to a third party"),
                    ("receive", "Received from another organization"),
                ],
                max_length=20,
                verbose_name="action",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
