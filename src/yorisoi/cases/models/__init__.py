from yorisoi.cases.models.case import Case, CaseEvent
from yorisoi.cases.models.closure_request import ClosureRequest
from yorisoi.cases.models.followup import FollowUp
from yorisoi.cases.models.inquiry import Inquiry
from yorisoi.cases.models.intake import Intake
from yorisoi.cases.models.people import Household, HouseholdMember, Person

__all__ = [
    "Case",
    "CaseEvent",
    "ClosureRequest",
    "FollowUp",
    "Household",
    "HouseholdMember",
    "Inquiry",
    "Intake",
    "Person",
]
