"""Full-text search indexes, one per database engine (see naltrack.education.search).

SQLite: an FTS5 table over the article table (external content) with triggers that keep it in
step on every insert, update and delete, whoever writes. Note for later migrations: SQLite
rebuilds a table to alter it, which drops its triggers; a migration that alters Article must
run ``install_sqlite_index`` again (a test checks the triggers are there). On PostgreSQL the
trigger and index survive such migrations.

PostgreSQL: a trigger that sets Article.search_document, the weighted tsvector (title A,
summary and keywords B, body C; 'english' configuration, as search.POSTGRES_CONFIG), on every
insert and update, and a GIN index on it.
"""

from django.db import migrations

# Static SQL: table and column names only, no outside text.
SQLITE_STATEMENTS = [
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS education_article_fts
    USING fts5(title, summary, keywords, body_text,
               content='education_article', content_rowid='id',
               tokenize='porter unicode61 remove_diacritics 2')
    """,
    """
    CREATE TRIGGER IF NOT EXISTS education_article_fts_insert
    AFTER INSERT ON education_article BEGIN
        INSERT INTO education_article_fts(rowid, title, summary, keywords, body_text)
        VALUES (new.id, new.title, new.summary, new.keywords, new.body_text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS education_article_fts_delete
    AFTER DELETE ON education_article BEGIN
        INSERT INTO education_article_fts(education_article_fts, rowid, title, summary, keywords, body_text)
        VALUES ('delete', old.id, old.title, old.summary, old.keywords, old.body_text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS education_article_fts_update
    AFTER UPDATE ON education_article BEGIN
        INSERT INTO education_article_fts(education_article_fts, rowid, title, summary, keywords, body_text)
        VALUES ('delete', old.id, old.title, old.summary, old.keywords, old.body_text);
        INSERT INTO education_article_fts(rowid, title, summary, keywords, body_text)
        VALUES (new.id, new.title, new.summary, new.keywords, new.body_text);
    END
    """,
    "INSERT INTO education_article_fts(education_article_fts) VALUES ('rebuild')",
]


def install_sqlite_index(schema_editor):
    for statement in SQLITE_STATEMENTS:
        schema_editor.execute(statement)


POSTGRES_STATEMENTS = [
    """
    CREATE OR REPLACE FUNCTION education_article_search_document() RETURNS trigger AS $$
    BEGIN
        NEW.search_document :=
            setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('english',
                   coalesce(NEW.summary, '') || ' ' || coalesce(NEW.keywords, '')), 'B')
            || setweight(to_tsvector('english', coalesce(NEW.body_text, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS education_article_search_document ON education_article",
    """
    CREATE TRIGGER education_article_search_document
    BEFORE INSERT OR UPDATE ON education_article
    FOR EACH ROW EXECUTE FUNCTION education_article_search_document()
    """,
    "UPDATE education_article SET search_document = NULL",  # the trigger fills it
    "CREATE INDEX IF NOT EXISTS education_article_search ON education_article "
    "USING gin (search_document)",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        install_sqlite_index(schema_editor)
    elif vendor == "postgresql":
        for statement in POSTGRES_STATEMENTS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS education_article_fts_{name}")
        schema_editor.execute("DROP TABLE IF EXISTS education_article_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS education_article_search")
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS education_article_search_document ON education_article"
        )
        schema_editor.execute("DROP FUNCTION IF EXISTS education_article_search_document()")


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
