"""The REST API: one router for every app's viewsets, the schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from yorisoi.accounts.api import MeView
from yorisoi.agencies import api as agencies_api
from yorisoi.assessments import api as assessments_api
from yorisoi.audit.api import AuditEventViewSet
from yorisoi.cases.api import (
    CaseViewSet,
    ClosureRequestViewSet,
    HouseholdMemberViewSet,
    HouseholdViewSet,
    InquiryViewSet,
    IntakeViewSet,
    PersonViewSet,
)
from yorisoi.consents.api import ConsentViewSet
from yorisoi.contacts.api import ContactRecordViewSet
from yorisoi.evaluations import api as evaluations_api
from yorisoi.handovers import api as handovers_api
from yorisoi.meetings import api as meetings_api
from yorisoi.organizations.api import MembershipViewSet, OrganizationViewSet
from yorisoi.plans import api as plans_api
from yorisoi.programs import api as programs_api
from yorisoi.referrals import api as referrals_api
from yorisoi.supporters import api as supporters_api

router = DefaultRouter(use_regex_path=False)
router.include_format_suffixes = False
router.include_root_view = False
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("staff", MembershipViewSet, basename="membership")
router.register("audit-events", AuditEventViewSet, basename="auditevent")
router.register("cases", CaseViewSet, basename="case")
router.register("closure-requests", ClosureRequestViewSet, basename="closurerequest")
router.register("people", PersonViewSet, basename="person")
router.register("households", HouseholdViewSet, basename="household")
router.register("household-members", HouseholdMemberViewSet, basename="householdmember")
router.register("inquiries", InquiryViewSet, basename="inquiry")
router.register("intakes", IntakeViewSet, basename="intake")
router.register("consents", ConsentViewSet, basename="consent")
router.register("contacts", ContactRecordViewSet, basename="contactrecord")

# Apps that build on the case core add their viewsets themselves.
assessments_api.register(router)
evaluations_api.register(router)
meetings_api.register(router)
plans_api.register(router)
agencies_api.register(router)
referrals_api.register(router)
handovers_api.register(router)
programs_api.register(router)
supporters_api.register(router)

urlpatterns = [
    path("", include(router.urls)),
    path("me/", MeView.as_view(), name="me"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
