from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from yorisoi.core.acting import acting
from yorisoi.core.prefectures import Prefecture
from yorisoi.organizations.choices import OrganizationKind
from yorisoi.organizations.services import create_organization


class Command(BaseCommand):
    help = "Create an organization (tenant)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--slug", required=True, help="short name used in the API, e.g. sendai-center"
        )
        parser.add_argument("--name", required=True, help="full name shown to staff")
        parser.add_argument("--kind", required=True, choices=OrganizationKind.values)
        parser.add_argument(
            "--prefecture", required=True, choices=Prefecture.values, help="JIS code 01–47"
        )
        parser.add_argument("--municipality", default="")
        parser.add_argument(
            "--no-two-factor",
            action="store_true",
            help="do not require a second factor (not advised)",
        )

    def handle(self, *args, slug, name, kind, prefecture, municipality, no_two_factor, **options):
        with acting(via="command:createorg"):
            try:
                org = create_organization(
                    slug=slug,
                    name=name,
                    kind=kind,
                    prefecture=prefecture,
                    municipality=municipality,
                    require_two_factor=not no_two_factor,
                )
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Created organization {org.slug} ({org.name})"))
