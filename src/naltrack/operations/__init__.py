"""Running an install: backups, restores and the version operators see (docs/operations.md)."""
