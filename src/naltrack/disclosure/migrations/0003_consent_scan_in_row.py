"""Move each paper consent's scan from a file under NALTRACK_CONSENT_SCAN_DIR into its row, so a
backup of the database carries every scan with its consent."""

import os
from pathlib import Path

from django.conf import settings
from django.db import migrations, models


def scans_into_rows(apps, schema_editor):
    Consent = apps.get_model("disclosure", "Consent")
    # Where the files were kept: the setting of the release that wrote them, or its default.
    folder = Path(
        os.environ.get("NALTRACK_CONSENT_SCAN_DIR") or Path(settings.VAR_DIR) / "consent_scans"
    )
    for consent in Consent.objects.exclude(scan_file="").only("pk", "scan_file"):
        path = folder / consent.scan_file.name
        if not path.is_file():
            # Say so rather than pass silently: the clinic must find the paper form again.
            raise RuntimeError(
                f"The scan of consent {consent.pk} is missing at {path}. Put the file back (or "
                "set NALTRACK_CONSENT_SCAN_DIR to the folder that holds it) and migrate again."
            )
        Consent.objects.filter(pk=consent.pk).update(
            scan=path.read_bytes(), scan_kind=path.suffix.lstrip(".")
        )


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0002_disclosure")]

    operations = [
        migrations.RenameField("consent", "scan", "scan_file"),
        migrations.AddField(
            "consent", "scan", models.BinaryField(blank=True, editable=False, null=True)
        ),
        migrations.AddField("consent", "scan_kind", models.CharField(blank=True, max_length=4)),
        migrations.RunPython(scans_into_rows, migrations.RunPython.noop),
        migrations.RemoveField("consent", "scan_file"),
    ]
