"""Loading the synthetic demo data of every app, in dependency order, idempotently."""

from yorisoi.demo import assessments as assessments_demo
from yorisoi.demo import cases as cases_demo
from yorisoi.demo import evaluations as evaluations_demo
from yorisoi.demo import organizations as organizations_demo
from yorisoi.demo import programs as programs_demo
from yorisoi.demo import records as records_demo
from yorisoi.demo import referrals as referrals_demo
from yorisoi.demo import supporters as supporters_demo


def load_demo_data() -> dict:
    """Load (or refresh) all demo data; returns the demo organizations by slug."""
    organizations = organizations_demo.load()
    cases_demo.load(organizations)
    evaluations_demo.load(organizations)
    assessments_demo.load(organizations)
    records_demo.load(organizations)
    referrals_demo.load(organizations)
    supporters_demo.load_registry(organizations)  # pledges first: then teams may name them
    programs_demo.load(organizations)
    supporters_demo.load_activities(organizations)
    return organizations
