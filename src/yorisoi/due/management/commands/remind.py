"""``yorisoi remind``: e-mail each worker a digest of what is due on their cases.

The mail names case numbers and what is due, never a person's name or a note: e-mail is
not a safe place for personal data; the details are read in yorisoi.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yorisoi.core.roles import CASE_STAFF
from yorisoi.core.site import absolute_url
from yorisoi.due.registry import due_for
from yorisoi.organizations.models import Membership

DIGEST_ITEMS = 20  # a mail to read at a glance; the rest is one click away


def digest(member, today) -> str:
    """Each kind with its items: case number, date, and a link that opens where to act."""
    lines = []
    for group in due_for(member, today, limit=DIGEST_ITEMS):
        lines.append(f"■ {group.kind.label} ({group.total})")
        lines.extend(
            f"  - {item.case.number}"
            + (f"  {item.due_on}" if item.due_on else "")
            + f"  {absolute_url(item.link)}"
            for item in group.items
        )
        if group.more:
            lines.append("  " + _("… and %(n)s more in yorisoi") % {"n": group.more})
    return "\n".join(lines)


class Command(BaseCommand):
    help = "E-mail every caseworker and supervisor a digest of what is due on their cases."

    def add_arguments(self, parser):
        parser.add_argument("--org", help="only this organization (slug)")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the digests, send nothing"
        )

    def handle(self, *args, org, dry_run, **options):
        today = timezone.localdate()
        members = Membership.objects.filter(
            is_active=True, role__in=CASE_STAFF, organization__is_active=True
        ).select_related("user", "organization")
        if org:
            members = members.filter(organization__slug=org)
        sent = 0
        with translation.override(settings.LANGUAGE_CODE):
            for member in members:
                body = digest(member, today)
                if not body or not member.user.email:
                    continue
                subject = _("[yorisoi] What is due (%(org)s)") % {"org": member.organization.name}
                text = _(
                    "Hello %(name)s,\n\nThis is what is due on your cases today.\n\n%(body)s\n\n"
                    "yorisoi: %(url)s\n"
                ) % {
                    "name": member.user,
                    "body": body,
                    "url": absolute_url("core:home"),
                }
                if dry_run:
                    self.stdout.write(f"To {member.user.email}: {subject}\n{text}")
                else:
                    send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [member.user.email])
                sent += 1
        self.stdout.write(_("%(n)s digests.") % {"n": sent})
