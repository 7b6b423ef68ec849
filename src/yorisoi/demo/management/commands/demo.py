"""``yorisoi demo``: the whole product on the embedded database, with synthetic data."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from yorisoi.core.acting import acting
from yorisoi.demo.loader import load_demo_data
from yorisoi.demo.organizations import ORGANIZATIONS, STAFF, demo_password
from yorisoi.organizations.models import Organization

DEMO_SLUGS = [spec["slug"] for spec in ORGANIZATIONS]


class Command(BaseCommand):
    help = "Create or migrate the database, load synthetic demo data, and serve the demo."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port to serve on (8000)")
        parser.add_argument("--no-serve", action="store_true", help="prepare but do not serve")
        parser.add_argument(
            "--force", action="store_true", help="load demo data even beside real organizations"
        )

    def handle(self, *args, port, no_serve, force, **options):
        database = settings.DATABASES["default"]["NAME"]
        self.stdout.write(f"Database: {database}")
        call_command("migrate", interactive=False, verbosity=0)
        # The demo resets its logins' passwords: never do that inside a real installation.
        real = Organization.objects.exclude(slug__in=DEMO_SLUGS).exclude(slug="bench-center")
        if real.exists() and not force:
            raise CommandError(
                "This database holds real organizations; the demo will not run here "
                "(use an empty database, or --force)."
            )
        # Records written now (timeline events) are worded in the installation's language.
        with acting(via="command:demo"), translation.override(settings.LANGUAGE_CODE):
            load_demo_data()
        url = f"http://127.0.0.1:{port}/"
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(f"\n  URL:      {url}\n  Password: {demo_password()} (every login)\n")
        for username, name, _kana, org, role, _title in STAFF:
            self.stdout.write(f"  {username:<17} {name:<8} {org:<12} {role.label}")
        self.stdout.write("")
        if no_serve:
            return
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
