"""Loading the synthetic demo data of every app, in dependency order, idempotently."""

from yorisoi.assessments import demo as assessments_demo
from yorisoi.cases import demo as cases_demo
from yorisoi.evaluations import demo as evaluations_demo
from yorisoi.organizations import demo as organizations_demo
from yorisoi.referrals import demo as referrals_demo


def load_demo_data() -> dict:
    """Load (or refresh) all demo data; returns the demo organizations by slug."""
    organizations = organizations_demo.load()
    cases_demo.load(organizations)
    evaluations_demo.load(organizations)
    assessments_demo.load(organizations)
    referrals_demo.load(organizations)
    return organizations
