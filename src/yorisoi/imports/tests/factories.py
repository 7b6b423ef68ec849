from yorisoi.core.testing.samples import sample_for
from yorisoi.imports.models import ImportJob, ValueMapping
from yorisoi.organizations.tests.factories import MembershipFactory


@sample_for(ImportJob)
def sample_import_job(organization, marker):
    return ImportJob.objects.create(
        organization=organization,
        ledger="cases",
        filename=f"{marker}.xlsx",
        data=b"",
        status=ImportJob.Status.DONE,
        created_by=MembershipFactory(organization=organization, role="supervisor"),
    )


@sample_for(ValueMapping)
def sample_value_mapping(organization, marker):
    return ValueMapping.objects.create(
        organization=organization, ledger="cases", column="相談経路", value=marker, value_key=marker
    )
