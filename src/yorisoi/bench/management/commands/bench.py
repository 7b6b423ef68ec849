"""``yorisoi bench``: build a large synthetic organization and measure the busiest pages.

Prints JSON: median and p95 server time and query count of the filtered case list, the case
page and note search (full request through every middleware, as a browser would hit them),
and the time of each page's main query run directly in SQL, so the ratio shows the product's
own overhead. Use DATABASE_URL to choose the database; the data is built once and reused.
"""

import json
import random
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from yorisoi.bench import data as bench
from yorisoi.cases.filtersets import CaseFilterSet
from yorisoi.cases.models import Case
from yorisoi.cases.selectors import cases_for
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import search
from yorisoi.organizations.middleware import SESSION_KEY
from yorisoi.organizations.models import Membership

LIST_FILTERS = [
    {"status": "active", "stage": "family"},
    {"status": "active", "stage": "individual", "page": "2"},
    {"fiscal_year": "2023", "status": "active"},
    {"status": "paused"},
    {"q": "たくや1"},
    {"first_consulter": "mother", "age_band": "30s"},
]
SEARCH_WORDS = ["訪問", "母", "手紙", "ショートメール", "家族会 不安", "扉越し", "ハローワーク"]


def _summary(times: list[float], queries: list[int]) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "queries": sorted(set(queries)) if queries else None,
    }


class Command(BaseCommand):
    help = "Build a synthetic organization (20,000 cases, 1,000,000 contacts) and time key pages."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=20_000)
        parser.add_argument("--contacts", type=int, default=1_000_000)
        parser.add_argument("--runs", type=int, default=40, help="requests per page kind")

    def handle(self, *args, cases, contacts, runs, **options):
        call_command("migrate", interactive=False, verbosity=0)
        org = bench.existing()
        if org is None:
            started = time.perf_counter()
            org = bench.build(cases=cases, contacts=contacts, log=lambda m: self.stderr.write(m))
            self.stderr.write(f"built in {time.perf_counter() - started:.0f} s")
        member = (
            Membership.objects.filter(organization=org, role="supervisor")
            .select_related("user")
            .first()
        )
        client = Client(HTTP_HOST="localhost")
        client.force_login(member.user)
        session = client.session
        session[SESSION_KEY] = org.pk
        session.save()
        rng = random.Random(7)
        case_ids = list(Case.objects.for_organization(org).values_list("pk", flat=True))

        def page(url, params=None):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, params or {}, secure=True)
            elapsed = time.perf_counter() - started
            assert response.status_code == 200, (url, response.status_code)
            return elapsed, len(captured.captured_queries)

        def sql(queryset):
            compiler_sql, params = queryset.query.sql_with_params()
            started = time.perf_counter()
            with search.search_transaction(), connection.cursor() as cursor:
                cursor.execute(compiler_sql, params)
                cursor.fetchall()
            return time.perf_counter() - started

        def measure(kind, requests, queries_for):
            for url, params in requests[:3]:
                page(url, params)  # warm up caches and connections
            times, counts, sql_times = [], [], []
            for url, params in requests:
                elapsed, count = page(url, params)
                times.append(elapsed)
                counts.append(count)
                sql_times.append(sum(sql(q) for q in queries_for(url, params)))
            return kind, _summary(times, counts), _summary(sql_times, [])

        def list_queries(url, params):
            filterset = CaseFilterSet(params, queryset=cases_for(member), request=_Request(member))
            queryset = filterset.qs.order_by("-opened_on", "-pk")
            page_number = int(params.get("page", 1))
            return [queryset[(page_number - 1) * 50 : page_number * 50], queryset.values("pk")[:1]]

        def case_queries(url, params):
            case_id = int(url.strip("/").split("/")[-1])
            return [
                ContactRecord.objects.filter(case_id=case_id).order_by("-occurred_at", "-pk")[:30]
            ]

        def search_queries(url, params):
            base = ContactRecord.objects.for_member(member)
            matches = search.matching(base, params["q"])
            with search.search_transaction():
                frequent = search.is_frequent(matches)  # the page makes the same choice
            chosen = search.scanning(base, params["q"]) if frequent else matches
            return [chosen.order_by("-occurred_at", "-pk")[:30]]

        results = {}
        for kind, requests, queries_for in [
            (
                "case_list",
                [("/cases/", LIST_FILTERS[i % len(LIST_FILTERS)]) for i in range(runs)],
                list_queries,
            ),
            (
                "case_page",
                [(f"/cases/{rng.choice(case_ids)}/", {}) for _ in range(runs)],
                case_queries,
            ),
            (
                "note_search",
                [
                    ("/contacts/search/", {"q": SEARCH_WORDS[i % len(SEARCH_WORDS)]})
                    for i in range(runs)
                ],
                search_queries,
            ),
        ]:
            name, server, direct = measure(kind, requests, queries_for)
            results[name] = {
                "server": server,
                "sql": direct,
                "overhead_ratio_median": round(
                    server["median_ms"] / max(direct["median_ms"], 0.01), 1
                ),
            }
        output = {
            "database": connection.vendor,
            "cases": Case.objects.for_organization(org).count(),
            "contacts": ContactRecord.objects.for_organization(org).count(),
            "runs": runs,
            **results,
        }
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))


class _Request:
    """The little of a request that the case filters read."""

    def __init__(self, member):
        self.member = member
        self.user = member.user
