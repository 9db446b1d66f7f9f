"""Re-render the stored HTML of every article, the clinics' own included.

Citations in the text used to show source ids to readers ("(source: REVIA)"); they are now
numbered links to the list of sources at the end of the article. ``body_html`` is stored, so rows
written before the change are rendered again here. The library's own articles are also refreshed
by ``naltrack load_articles``; a clinic's own article is never touched by the loader, hence this
migration.
"""

from django.db import migrations


def refresh(apps, schema_editor):
    from naltrack.education.content import derive_body

    alias = schema_editor.connection.alias
    article_model = apps.get_model("education", "Article")
    rows = article_model._default_manager.db_manager(alias)
    for pk, body_markdown, body_html in rows.values_list("pk", "body_markdown", "body_html"):
        html = derive_body(body_markdown).html
        if html != body_html:
            rows.filter(pk=pk).update(body_html=html)


class Migration(migrations.Migration):
    dependencies = [("education", "0003_load_library")]

    operations = [migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True)]
