"""Choices of people, households, cases and the intake sheet; reports count by these."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
    OTHER = "other", _("Other")
    NO_ANSWER = "no_answer", _("Prefers not to say")


class AgeBand(models.TextChoices):
    """Age in decades, for people whose birth date is not known (and for statistics)."""

    UNDER_10 = "under_10", _("Under 10")
    TEENS = "10s", _("10s")
    TWENTIES = "20s", _("20s")
    THIRTIES = "30s", _("30s")
    FORTIES = "40s", _("40s")
    FIFTIES = "50s", _("50s")
    SIXTIES = "60s", _("60s")
    SEVENTIES = "70s", _("70s")
    EIGHTY_PLUS = "80_plus", _("80 and over")

    @classmethod
    def for_age(cls, age: int) -> "AgeBand":
        if age < 10:
            return cls.UNDER_10
        if age >= 80:
            return cls.EIGHTY_PLUS
        return cls(f"{age // 10}0s")


class Relation(models.TextChoices):
    """A household member's relation to the person."""

    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    SIBLING = "sibling", _("Sibling")
    GRANDPARENT = "grandparent", _("Grandparent")
    SPOUSE = "spouse", _("Spouse or partner")
    CHILD = "child", _("Child")
    OTHER_FAMILY = "other_family", _("Other family member")
    OTHER = "other", _("Other")


class FirstConsulter(models.TextChoices):
    """Who first came to the organization about the person."""

    SELF = "self", _("The person themself")
    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    PARENTS = "parents", _("Both parents")
    SIBLING = "sibling", _("Sibling")
    GRANDPARENT = "grandparent", _("Grandparent")
    SPOUSE = "spouse", _("Spouse or partner")
    OTHER_FAMILY = "other_family", _("Other family member")
    NEIGHBOUR = "neighbour", _("Neighbour")
    WELFARE_COMMISSIONER = "welfare_commissioner", _("Welfare commissioner")
    CARE_MANAGER = "care_manager", _("Care manager")
    COMMUNITY_CENTER = "community_center", _("Community general support center")
    SCHOOL = "school", _("School counsellor or school")
    MEDICAL_SOCIAL_WORKER = "medical_social_worker", _("Medical social worker")
    VISITING_NURSE = "visiting_nurse", _("Visiting nurse")
    EMPLOYMENT_SUPPORT = "employment_support", _("Employment support agency")
    NEEDS_SUPPORT_CENTER = "needs_support_center", _("Self-reliance support center for the needy")
    FOOD_BANK = "food_bank", _("Food bank or similar")
    PEER_GROUP = "peer_group", _("Peer group")
    FAMILY_GROUP = "family_group", _("Family association")
    OTHER_AGENCY = "other_agency", _("Other support agency")
    OTHER = "other", _("Other")
    # A ledger row that does not say who consulted first; never offered on a form.
    NOT_RECORDED = "not_recorded", _("Not recorded (imported)")


class ReferralRoute(models.TextChoices):
    """How the first consulter came to know of the organization."""

    PUBLICITY = "publicity", _("Public relations magazine or leaflet")
    WEBSITE = "website", _("Website or social media")
    AGENCY = "agency", _("Referred by an agency")
    ACQUAINTANCE = "acquaintance", _("Through an acquaintance or relative")
    FAMILY_GROUP = "family_group", _("Family association or peer group")
    OUTREACH = "outreach", _("Outreach by the organization")
    OTHER = "other", _("Other")


class FirstChannel(models.TextChoices):
    """How the first consultation reached the organization (many ledgers' 相談経路)."""

    PHONE = "phone", _("Phone")
    OFFICE = "office", _("Visit to the office")
    EMAIL = "email", pgettext_lazy("channel", "E-mail")
    HOME_VISIT = "home_visit", _("Home visit")
    ONLINE = "online", _("Online")
    LETTER = "letter", _("Letter")
    REFERRAL = "referral", pgettext_lazy("first channel", "Referral")


class CaseStatus(models.TextChoices):
    INTAKE = "intake", _("Intake")
    ACTIVE = "active", _("In support")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")
    WATCHING = "watching", _("Watching over")


OPEN_STATUSES = (CaseStatus.INTAKE, CaseStatus.ACTIVE, CaseStatus.PAUSED, CaseStatus.WATCHING)


class SupportStage(models.TextChoices):
    """The four stages of support (seed 002, after the national guideline)."""

    FAMILY = "family", _("Family support: meeting and assessment")
    INDIVIDUAL = "individual", _("Individual support")
    GROUP = "group", _("Reunion with a group")
    SOCIAL = "social", _("Trying social participation")


class PersonContact(models.TextChoices):
    """How far contact with the person has come; much support happens before any meeting."""

    NONE = "none", _("Not yet in contact (family only)")
    INDIRECT = "indirect", _("Indirect (letters, messages, through the door)")
    DIRECT = "direct", _("Met in person")


class CloseReason(models.TextChoices):
    GOAL_REACHED = "goal_reached", _("Reached the goal the person chose")
    REFERRED = "referred", _("Connected to another agency")
    MOVED = "moved", _("Moved away")
    CONTACT_LOST = "contact_lost", _("Contact was lost")
    DECLINED = "declined", _("The person or family chose to end")
    OTHER = "other", _("Other")


class InquiryChannel(models.TextChoices):
    PHONE = "phone", _("Phone")
    DESK = "desk", _("At the desk")
    EMAIL = "email", pgettext_lazy("channel", "E-mail")
    REFERRAL = "referral", _("Referral from an agency")
    OTHER = "other", _("Other")


class InquiryStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    CONVERTED = "converted", _("Became a case")
    ADDED = "added", _("Added to a case")  # a known person consulting again
    CLOSED = "closed", _("Closed without a case")


class PreferredContact(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", pgettext_lazy("channel", "E-mail")
    LETTER = "letter", _("Letter")
    VISIT = "visit", _("Visit to the office")
    ANY = "any", _("Any")


# Intake sheet (seed 002): structured where a report counts it.


class SchoolNonAttendance(models.TextChoices):
    NONE = "none", _("None")
    ELEMENTARY = "elementary", _("From elementary school")
    JUNIOR_HIGH = "junior_high", _("From junior high school")
    HIGH_SCHOOL = "high_school", _("From high school")
    HIGHER = "higher", _("From university or college")
    UNKNOWN = "unknown", _("Unknown")


class Education(models.TextChoices):
    JUNIOR_HIGH = "junior_high", _("Junior high school")
    HIGH_SCHOOL_LEFT = "high_school_left", _("Left high school")
    HIGH_SCHOOL = "high_school", _("High school")
    VOCATIONAL = "vocational", _("Vocational school")
    HIGHER_LEFT = "higher_left", _("Left university or college")
    HIGHER = "higher", _("University or college")
    GRADUATE = "graduate", _("Graduate school")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class WorkHistory(models.TextChoices):
    NONE = "none", _("Never worked")
    PART_TIME = "part_time", _("Part-time work only")
    REGULAR = "regular", _("Regular employment")
    UNKNOWN = "unknown", _("Unknown")


class DurationBand(models.TextChoices):
    """How long the withdrawal has lasted: each band starts at its lower bound and ends before
    the next one's (以上…未満), so exactly 3 years is 3〜5 years, never both."""

    UNDER_6M = "under_6m", _("Less than 6 months")
    UNDER_1Y = "6m_1y", _("6 months to less than 1 year")
    UNDER_3Y = "1y_3y", _("1 year to less than 3 years")
    UNDER_5Y = "3y_5y", _("3 years to less than 5 years")
    UNDER_10Y = "5y_10y", _("5 years to less than 10 years")
    UNDER_20Y = "10y_20y", _("10 years to less than 20 years")
    OVER_20Y = "20y_plus", _("20 years or more")
    UNKNOWN = "unknown", _("Unknown")

    @classmethod
    def for_months(cls, months: int) -> "DurationBand":
        """The band a duration falls in: a band includes its lower bound, not its upper one."""
        for limit, band in (
            (6, cls.UNDER_6M),
            (12, cls.UNDER_1Y),
            (36, cls.UNDER_3Y),
            (60, cls.UNDER_5Y),
            (120, cls.UNDER_10Y),
            (240, cls.UNDER_20Y),
        ):
            if months < limit:
                return band
        return cls.OVER_20Y


class DailyLife(models.TextChoices):
    """One scale for each daily-life item; the note says what lies behind it."""

    KEPT = "kept", _("Mostly kept up")
    IRREGULAR = "irregular", _("Irregular or partly")
    DIFFICULT = "difficult", _("Hardly or with difficulty")
    UNKNOWN = "unknown", _("Unknown")


class GoingOut(models.TextChoices):
    """How often the person goes out (the national survey's categories)."""

    DAILY = "daily", _("Almost every day")
    WEEKLY = "weekly", _("A few times a week")
    MONTHLY = "monthly", _("A few times a month")
    HOBBY_ONLY = "hobby_only", _("Only for their own interests")
    NEIGHBOURHOOD = "neighbourhood", _("Only to a nearby shop")
    ROOM = "room", _("Rarely leaves their room")
    HOME = "home", _("Leaves the room but not the house")
    UNKNOWN = "unknown", _("Unknown")


class ApprovalStatus(models.TextChoices):
    """Where a supervisor's approval is asked for (closures, plan versions)."""

    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
