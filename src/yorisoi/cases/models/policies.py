"""Who may reach case records: caseworkers and supervisors of the organization.

Clerks and supporters never see case narratives (DESIGN §2). Until teams exist the
organization is the caseworker's team, so caseworkers see all of its cases.
"""

from yorisoi.core.models import TenantModel
from yorisoi.core.roles import CASE_STAFF
from yorisoi.core.scoping import AccessPolicy

CASE_RECORDS = AccessPolicy(view=CASE_STAFF, add=CASE_STAFF, change=CASE_STAFF)


class CaseRecord(TenantModel):
    """A record of one case's support (a contact, an assessment, a plan …): caseworkers and
    supervisors reach it, and every read of it is logged — it holds what people told us."""

    access_policy = CASE_RECORDS
    audit_reads = True

    class Meta:
        abstract = True
