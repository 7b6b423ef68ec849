"""Who may reach case records: caseworkers and supervisors of the organization.

Clerks and supporters never see case narratives (DESIGN §2). Until teams exist the
organization is the caseworker's team, so caseworkers see all of its cases.
"""

from yorisoi.core.roles import CASE_STAFF
from yorisoi.core.scoping import AccessPolicy

CASE_RECORDS = AccessPolicy(view=CASE_STAFF, add=CASE_STAFF, change=CASE_STAFF)
