import getpass
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from yorisoi.core.acting import acting
from yorisoi.core.roles import Role
from yorisoi.organizations.models import Organization
from yorisoi.organizations.services import enroll_staff


class Command(BaseCommand):
    help = "Add a staff member (e.g. the first system administrator) to an organization."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="organization slug")
        parser.add_argument("--username", required=True)
        parser.add_argument("--full-name", required=True)
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-stdin",
            action="store_true",
            help="read the initial password from stdin",
        )

    def handle(self, *args, org, username, full_name, role, email, password_from_stdin, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with slug {org!r}")
        if password_from_stdin:
            password = sys.stdin.readline().strip()
        else:
            password = getpass.getpass("Initial password: ")
        try:
            validate_password(password)
            with acting(via="command:addstaff"):
                membership = enroll_staff(
                    organization=organization,
                    username=username,
                    full_name=full_name,
                    email=email,
                    role=role,
                    password=password,
                )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"{membership.user.username} is now {role} in {org}"))
