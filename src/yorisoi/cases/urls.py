from django.urls import path

from yorisoi.cases.views import cases, closure, household, inquiries, intake, prints

app_name = "cases"

urlpatterns = [
    path("", cases.CaseListView.as_view(), name="case_list"),
    path("new/", cases.CaseOpenView.as_view(), name="case_open"),
    path("<int:pk>/", cases.CaseDetailView.as_view(), name="case_detail"),
    path("<int:pk>/edit/", cases.CaseUpdateView.as_view(), name="case_edit"),
    path("<int:pk>/person/", cases.PersonUpdateView.as_view(), name="person_edit"),
    path("<int:pk>/intake/", intake.IntakeView.as_view(), name="intake"),
    path("<int:pk>/close/", closure.CloseCaseView.as_view(), name="case_close"),
    path("<int:pk>/reopen/", closure.ReopenCaseView.as_view(), name="case_reopen"),
    path("follow-ups/<int:pk>/check-in/", closure.CheckInView.as_view(), name="follow_up_check_in"),
    path(
        "closure-requests/<int:pk>/decide/",
        closure.DecideClosureView.as_view(),
        name="closure_decide",
    ),
    path("<int:pk>/household/add/", household.HouseholdMemberAddView.as_view(), name="member_add"),
    path(
        "household-members/<int:pk>/edit/",
        household.HouseholdMemberUpdateView.as_view(),
        name="member_edit",
    ),
    path("<int:pk>/face-sheet/", prints.FaceSheetView.as_view(), name="face_sheet"),
    path("inquiries/", inquiries.InquiryListView.as_view(), name="inquiry_list"),
    path("inquiries/new/", inquiries.InquiryCreateView.as_view(), name="inquiry_add"),
    path("inquiries/<int:pk>/", inquiries.InquiryDetailView.as_view(), name="inquiry_detail"),
]
