"""The bigram function pairs characters without subscripting (same bigrams, 2.5x faster)."""

from django.db import migrations

from yorisoi.core.search import search_function_operation


class Migration(migrations.Migration):
    dependencies = [("contacts", "0008_case_contact_state")]
    operations = [search_function_operation()]
