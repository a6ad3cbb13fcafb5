"""On PostgreSQL the database itself refuses to change or delete audit rows.

TRUNCATE (used by test isolation and by a deliberate reset) is a statement, not a row
change, and stays possible for the database owner. SQLite has no such guard here: its
flush deletes rows one by one.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION privacy_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER privacy_audit_append_only
    BEFORE UPDATE OR DELETE ON privacy_auditevent
    FOR EACH ROW EXECUTE FUNCTION privacy_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS privacy_audit_append_only ON privacy_auditevent;
DROP FUNCTION IF EXISTS privacy_audit_append_only();
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_audit_retention_subject_requests")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
