"""Load the library's articles (articles/*.md) so that a fresh database has them.

Later edits to the files are loaded with ``naltrack load_articles``; the loader upserts by slug
and writes only the fields this migration's historical model has.
"""

from django.db import migrations


def load(apps, schema_editor):
    from naltrack.education.loader import load_library

    load_library(apps.get_model("education", "Article"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("education", "0002_search_index")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
