"""Index contact records' search_text for Japanese note search (see yorisoi.core.search)."""

from django.db import migrations

from yorisoi.core.search import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]
    operations = [search_index_operation("contacts_contactrecord")]
