"""Who is involved in a case: the agencies and people around it (team view, handover)."""

from dataclasses import dataclass, field

from yorisoi.agencies.models import Agency
from yorisoi.cases.models import Case
from yorisoi.consents.models import Consent, ConsentKind
from yorisoi.referrals.models import IncomingReferral, Referral


@dataclass
class AgencyInvolved:
    name: str
    category: str = ""
    contact_person: str = ""
    phone: str = ""
    agency_id: int | None = None
    how: list[str] = field(default_factory=list)  # "referred 2025-06-01", "referred us", …


def agencies_involved(case: Case) -> list[AgencyInvolved]:
    """Agencies from referrals out and in, sharing consents and meeting attendees; 4 queries."""
    from yorisoi.meetings.models import Attendee

    found: dict[str, AgencyInvolved] = {}

    def add(name: str | None, how: str, agency: Agency | None = None) -> AgencyInvolved:
        key = f"a{agency.pk}" if agency is not None else f"n{name}"
        entry = found.get(key)
        if entry is None:
            entry = found[key] = AgencyInvolved(name=str(agency or name))
            if agency is not None:
                entry.agency_id = agency.pk
                entry.category = agency.get_category_display()
                entry.contact_person = agency.contact_person
                entry.phone = agency.phone
        if how not in entry.how:
            entry.how.append(how)
        return entry

    for r in Referral.objects.filter(case=case).select_related("agency"):
        add(
            None,
            f"{r._meta.verbose_name} {r.referred_on:%Y-%m-%d} ({r.get_status_display()})",
            r.agency,
        )
    for incoming in IncomingReferral.objects.filter(case=case).select_related("from_agency"):
        add(
            incoming.from_name,
            f"{incoming._meta.verbose_name} {incoming.received_on:%Y-%m-%d}",
            incoming.from_agency,
        )
    consents = Consent.objects.filter(case=case, kind=ConsentKind.SHARING, agency__isnull=False)
    for c in consents.in_force().select_related("agency"):
        add(None, str(c._meta.verbose_name), c.agency)
    attendees = Attendee.objects.filter(meeting__case=case).exclude(agency="")
    for a in attendees.select_related("meeting", "directory_agency").order_by("-meeting__held_on"):
        how = f"{a.meeting._meta.verbose_name} {a.meeting.held_on:%Y-%m-%d}"
        entry = add(a.agency, how, a.directory_agency)
        if a.name and not entry.contact_person:
            entry.contact_person = a.name
    return list(found.values())
