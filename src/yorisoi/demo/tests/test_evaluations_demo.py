"""Demo evaluations: every demo case gets some, nothing twice, some items left unrated."""

import pytest

from yorisoi.demo import cases as cases_demo
from yorisoi.demo import evaluations as demo
from yorisoi.demo import organizations as organizations_demo
from yorisoi.evaluations.choices import Rater, Timing
from yorisoi.evaluations.models import Evaluation, Score


@pytest.mark.django_db
def test_demo_evaluations_load_once():
    organizations = organizations_demo.load()
    cases_demo.load(organizations)
    demo.load(organizations)
    count = Evaluation.objects.count()
    demo.load(organizations)
    assert Evaluation.objects.count() == count
    center = organizations["demo-center"]
    evaluations = Evaluation.objects.for_organization(center)
    assert evaluations.filter(timing=Timing.FIRST_INTERVIEW).count() == 30
    assert evaluations.filter(timing=Timing.FISCAL_YEAR_END).exists()
    assert evaluations.filter(rater=Rater.PERSON).exists()
    assert Score.objects.filter(value__isnull=True).exists()
    assert not Evaluation.objects.for_organization(organizations["demo-npo"]).exists()
