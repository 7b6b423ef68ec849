from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from yorisoi.core.home import healthz

admin.site.site_header = "yorisoi"

urlpatterns = [
    path("", include("yorisoi.core.urls")),
    path("accounts/", include("yorisoi.accounts.urls")),
    path("organization/", include("yorisoi.organizations.urls")),
    path("audit/", include("yorisoi.audit.urls")),
    path("cases/", include("yorisoi.cases.urls")),
    path("contacts/", include("yorisoi.contacts.urls")),
    path("consents/", include("yorisoi.consents.urls")),
    path("assessments/", include("yorisoi.assessments.urls")),
    path("evaluations/", include("yorisoi.evaluations.urls")),
    path("meetings/", include("yorisoi.meetings.urls")),
    path("plans/", include("yorisoi.plans.urls")),
    path("agencies/", include("yorisoi.agencies.urls")),
    path("referrals/", include("yorisoi.referrals.urls")),
    path("handovers/", include("yorisoi.handovers.urls")),
    path("programs/", include("yorisoi.programs.urls")),
    path("supporters/", include("yorisoi.supporters.urls")),
    path("due/", include("yorisoi.due.urls")),
    path("import/", include("yorisoi.imports.urls")),
    path("api/", include(("yorisoi.api_urls", "api"))),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", healthz, name="healthz"),
    path(settings.YORISOI_ADMIN_PATH, admin.site.urls),
]
