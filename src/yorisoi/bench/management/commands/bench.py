"""``yorisoi bench``: build a large synthetic organization and measure the staff pages.

For each page: full requests through every middleware as a signed-in member (session, scoping,
audit writes and template rendering included), then every query that request issued run again
directly against the database, so the page's own overhead shows against all of its SQL.

Prints JSON on stdout and an aligned table on stderr. Each page's entry has ``server`` (the
request), ``sql`` (the time its queries took during the request), ``sql_all`` (the same
queries run again, alone, inside a transaction that is rolled back), the query count, and
``overhead_ratio_all_median`` (server median / sql_all median). Use DATABASE_URL to choose
the database; ``--reuse`` measures data an earlier run built.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import time
from dataclasses import dataclass, field

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client

from yorisoi.bench import data as bench
from yorisoi.cases.models import Case
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.roles import Role
from yorisoi.organizations.middleware import SESSION_KEY
from yorisoi.organizations.models import Membership

SEARCH_WORDS = ["訪問", "母", "手紙", "ショートメール", "家族会 不安", "扉越し", "ハローワーク"]
PAGE_SIZE = 50  # the case list's


@dataclass
class Page:
    name: str
    label: str
    role: str  # whose client asks: caseworker, supervisor or sysadmin
    requests: list[tuple[str, dict]] = field(default_factory=list)


def _cpu_reference_ms() -> float:
    """The median time of a fixed pure-Python loop: the speed of the machine at that moment.

    A shared virtual machine runs the same loop up to 40 % slower at one moment than at
    another; printed before and after the pages, it tells a slow run from a slow page.
    """
    times = []
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for i in range(300_000):
            total += i * i
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _summary(seconds: list[float], queries: list[int] | None = None) -> dict:
    ordered = sorted(seconds)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(_percentile(ordered, 0.95) * 1000, 1),
        "queries": sorted(set(queries)) if queries else None,
    }


class _Capture:
    """Every query a request runs, with its parameters and the time it took."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, object, bool]] = []
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries.append((sql, params, many))


# SQLite's atomic blocks start with a BEGIN (IMMEDIATE) that Django runs as a query (PostgreSQL's do not).
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK"}


def _replay(queries) -> tuple[float, float, str]:
    """Run the queries again, in order, in a transaction rolled back after.

    Returns their total time, and the time and text of the slowest.
    """
    total, slowest, slowest_sql = 0.0, 0.0, ""
    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql, params, many in queries:
                if sql.strip().upper().split(" ")[0] in _TRANSACTION_CONTROL:
                    continue  # the replay runs in a transaction of its own
                started = time.perf_counter()
                if many:
                    cursor.executemany(sql, params)
                else:
                    cursor.execute(sql, params)
                    if cursor.description is not None:
                        cursor.fetchall()
                took = time.perf_counter() - started
                total += took
                if took > slowest:
                    slowest, slowest_sql = took, sql
        transaction.set_rollback(True)
    return total, slowest, slowest_sql


class Command(BaseCommand):
    help = "Build a synthetic organization (20,000 cases, 1,000,000 contacts) and time staff pages."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=20_000)
        parser.add_argument("--contacts", type=int, default=1_000_000)
        parser.add_argument("--runs", type=int, default=40, help="measured requests per page")
        parser.add_argument("--warmup", type=int, default=3, help="requests before measuring")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="measure the data an earlier run built (without it, the database must be empty "
            "of bench data)",
        )
        parser.add_argument(
            "--max-seconds",
            type=float,
            default=120.0,
            help="stop measuring a page after this long (at least 3 runs)",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--page",
            dest="only",
            action="append",
            default=[],
            help="measure only this page (by its name in the output; may be repeated)",
        )

    def handle(
        self, *args, cases, contacts, runs, warmup, reuse, max_seconds, seed, only, **options
    ):
        call_command("migrate", interactive=False, verbosity=0)
        try:
            org = bench.existing()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        build_seconds = None
        if org is not None and not reuse:
            raise CommandError(
                "This database already holds bench data: add --reuse to measure it, "
                "or use a fresh database to build again."
            )
        if org is None:
            started = time.perf_counter()
            org = bench.build(
                cases=cases,
                contacts=contacts,
                seed=seed,
                log=lambda m: self.stderr.write(f"{time.perf_counter() - started:6.0f} s  {m}"),
            )
            build_seconds = round(time.perf_counter() - started, 1)
            self.stderr.write(f"built in {build_seconds:.0f} s")
        members = self._members(org)
        # As the server does once it has started (yorisoi/wsgi.py): the build's objects and
        # everything loaded so far frozen out of the collector's generations.
        gc.collect()
        gc.freeze()
        clients = {role: self._client(member, org) for role, member in members.items()}
        every = self._pages(org, members)
        pages = [p for p in every if not only or p.name in only]
        if only and len(pages) < len(set(only)):
            known = ", ".join(p.name for p in every)
            raise CommandError(f"Unknown page in {', '.join(only)}; the pages are: {known}")
        reference_before = _cpu_reference_ms()
        results = {}
        for page in pages:
            self.stderr.write(f"measuring {page.name} …")
            results[page.name] = self._measure(
                clients[page.role], page, runs=runs, warmup=warmup, max_seconds=max_seconds
            )
        reference_after = _cpu_reference_ms()
        output = {
            "database": connection.vendor,
            "cases": Case.objects.for_organization(org).count(),
            "contacts": ContactRecord.objects.for_organization(org).count(),
            "runs": runs,
            "build_seconds": build_seconds,
            "machine": {
                "cpus": os.cpu_count(),
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "cpu_reference_ms": {"before": reference_before, "after": reference_after},
            },
            "pages": [p.name for p in pages],
            **results,
        }
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        self.stderr.write(_table(pages, results))
        self.stderr.write(
            f"machine speed: a fixed Python loop took {reference_before} ms before the pages "
            f"and {reference_after} ms after (lower is faster)"
        )

    def _members(self, org) -> dict[str, Membership | None]:
        """Who asks: the caseworker with the most cases, the first supervisor, the administrator."""
        staff = Membership.objects.filter(organization=org, is_active=True).select_related("user")
        caseworker = (
            staff.filter(role=Role.CASEWORKER)
            .annotate(n=Count("primary_cases"))
            .order_by("-n", "pk")
            .first()
        )
        return {
            "caseworker": caseworker,
            "supervisor": staff.filter(role=Role.SUPERVISOR).order_by("pk").first(),
            "sysadmin": staff.filter(role=Role.SYSADMIN).order_by("pk").first(),
        }

    def _client(self, member, org) -> Client:
        client = Client(HTTP_HOST="localhost")
        client.force_login(member.user)
        session = client.session
        session[SESSION_KEY] = org.pk
        session.save()
        return client

    def _pages(self, org, members) -> list[Page]:
        """The staff pages, each with requests for objects that exist at any scale."""
        caseworker = members["caseworker"]
        cases = Case.objects.for_organization(org)
        busiest = list(
            cases.filter(primary_staff=caseworker)
            .annotate(n=Count("contacts"))
            .order_by("-n", "pk")
            .values_list("pk", flat=True)[:5]
        )
        active = cases.filter(status="active").count()
        filters = [
            {"status": "active"},
            {"staff": str(caseworker.pk)},
            {"status": "active", "stage": "family"},
            {"q": "たくや1"},
            {"first_consulter": "mother", "status": "active"},
        ]
        if active > PAGE_SIZE:  # page 2 only where there is one
            filters.append({"status": "active", "page": "2"})
        pages = [
            Page("my_work", "My work (start page, caseworker)", "caseworker", [("/", {})]),
            Page("due_lists", "Due lists (start page, supervisor)", "supervisor", [("/", {})]),
            Page(
                "case_list",
                "Case list (filtered, 50 a page)",
                "supervisor",
                [("/cases/", f) for f in filters],
            ),
            Page(
                "case_page",
                "Case page (busiest cases)",
                "caseworker",
                [(f"/cases/{pk}/", {}) for pk in busiest],
            ),
            Page(
                "note_search",
                "Note search (newest 30)",
                "caseworker",
                [("/contacts/search/", {"q": w}) for w in SEARCH_WORDS],
            ),
            Page("inquiry_queue", "Inquiry queue", "caseworker", [("/cases/inquiries/", {})]),
            Page("stalled_cases", "Stalled cases", "supervisor", [("/evaluations/stalled/", {})]),
            Page("agency_directory", "Agency directory", "caseworker", [("/agencies/", {})]),
            Page("council_list", "Support councils", "supervisor", [("/agencies/councils/", {})]),
            Page("referral_list", "Referrals", "supervisor", [("/referrals/", {})]),
            Page(
                "incoming_referrals",
                "Referrals received",
                "supervisor",
                [("/referrals/received/", {})],
            ),
            Page(
                "provision_records",
                "Provision records",
                "supervisor",
                [("/referrals/provisions/", {})],
            ),
            Page("handover_list", "Handovers", "supervisor", [("/handovers/", {})]),
            Page("staff_list", "Staff list", "supervisor", [("/organization/staff/", {})]),
            Page(
                "instrument_list",
                "Evaluation instruments",
                "supervisor",
                [("/evaluations/instruments/", {})],
            ),
            Page("audit_log", "Audit log (administrator)", "sysadmin", [("/audit/", {})]),
            Page("program_list", "Programs", "supervisor", [("/programs/", {})]),
            *self._program_pages(org),
        ]
        # Pages of one case's records, where the busiest cases have them.
        return pages + self._detail_pages(busiest)

    def _program_pages(self, org) -> list[Page]:
        """The largest session (a hundred came) and the program it belongs to."""
        from django.db.models import Count

        from yorisoi.programs.models import ProgramSession

        largest = (
            ProgramSession.objects.for_organization(org)
            .annotate(n=Count("attendances"))
            .order_by("-n", "pk")
            .first()
        )
        if largest is None:
            return []
        return [
            Page(
                "program_page",
                "Program page",
                "supervisor",
                [(f"/programs/{largest.program_id}/", {})],
            ),
            Page(
                "session_page",
                "Session page (a hundred came)",
                "supervisor",
                [(f"/programs/sessions/{largest.pk}/", {})],
            ),
        ]

    def _detail_pages(self, busiest) -> list[Page]:
        from yorisoi.meetings.models import CaseMeeting
        from yorisoi.plans.models import SupportPlan

        pages = []
        if busiest:
            pages.append(
                Page(
                    "assessment_history",
                    "Assessment history of a case",
                    "caseworker",
                    [(f"/assessments/case/{pk}/", {}) for pk in busiest],
                )
            )
            pages.append(
                Page(
                    "evaluation_history",
                    "Evaluation history of a case",
                    "caseworker",
                    [(f"/evaluations/case/{pk}/", {}) for pk in busiest],
                )
            )
        plan = SupportPlan.objects.filter(case_id__in=busiest).order_by("pk").first()
        if plan is not None:
            pages.append(
                Page("plan_page", "Support plan", "caseworker", [(f"/plans/{plan.pk}/", {})])
            )
        meeting = CaseMeeting.objects.filter(case_id__in=busiest).order_by("pk").first()
        if meeting is not None:
            pages.append(
                Page(
                    "meeting_page", "Case meeting", "caseworker", [(f"/meetings/{meeting.pk}/", {})]
                )
            )
        return pages

    def _measure(self, client, page: Page, *, runs, warmup, max_seconds) -> dict:
        def request(url, params):
            capture = _Capture()
            started = time.perf_counter()
            with connection.execute_wrapper(capture):
                response = client.get(url, params, secure=True)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise CommandError(f"{page.name}: {url} {params} answered {response.status_code}")
            return elapsed, capture

        if not page.requests:
            return {"skipped": "nothing to show at this scale"}
        for i in range(warmup):
            request(*page.requests[i % len(page.requests)])
        server, sql, sql_all, counts = [], [], [], []
        slowest = (0.0, "")
        began = time.perf_counter()
        for i in range(runs):
            url, params = page.requests[i % len(page.requests)]
            elapsed, capture = request(url, params)
            server.append(elapsed)
            sql.append(capture.seconds)
            counts.append(len(capture.queries))
            replayed, slowest_time, slowest_sql = _replay(capture.queries)
            sql_all.append(replayed)
            if slowest_time > slowest[0]:
                slowest = (slowest_time, slowest_sql)
            if i >= 2 and time.perf_counter() - began > max_seconds:
                break
        server_summary = _summary(server, counts)
        sql_summary = _summary(sql)
        all_summary = _summary(sql_all)
        del all_summary["queries"]
        return {
            "label": page.label,
            "runs": len(server),
            "queries": round(statistics.median(counts)),
            "server": server_summary,
            "sql": sql_summary,
            "overhead_ratio_median": _ratio(server_summary, sql_summary),
            "sql_all": all_summary,
            "overhead_ratio_all_median": _ratio(server_summary, all_summary),
            # The single slowest query of any run, re-run alone: where a slow page's time goes.
            "slowest_query": {"ms": round(slowest[0] * 1000, 1), "sql": slowest[1][:300]},
        }


def _ratio(server: dict, sql: dict) -> float:
    return round(server["median_ms"] / max(sql["median_ms"], 0.1), 1)


def _table(pages: list[Page], results: dict) -> str:
    header = ("page", "queries", "server p50", "p95", "sql_all p50", "p95", "ratio")
    rows = [header]
    for page in pages:
        r = results[page.name]
        if "server" not in r:
            rows.append((page.name, "-", "-", "-", "-", "-", r.get("skipped", "")))
            continue
        rows.append(
            (
                page.name,
                str(r["queries"]),
                f"{r['server']['median_ms']:.1f}",
                f"{r['server']['p95_ms']:.1f}",
                f"{r['sql_all']['median_ms']:.1f}",
                f"{r['sql_all']['p95_ms']:.1f}",
                f"{r['overhead_ratio_all_median']:.1f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n(ms; ratio = server p50 / sql_all p50)"
