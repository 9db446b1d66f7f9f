"""Running Naltrack for real: heartbeats of the background processes, the health check
(``/healthz`` and ``naltrack status``), logs that carry no health data, optional error reports,
backups, restores and the version operators see (docs/operations.md)."""
