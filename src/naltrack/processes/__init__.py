"""The long-running processes of an install: ``naltrack serve`` (the web server, gunicorn),
``naltrack worker`` (the background task worker), ``naltrack scheduler`` (queues the reminder
tick each minute and the nightly alert sweep), and ``naltrack up``, which starts all three.

One-shot jobs stay with the app whose work they do (``schedule_reminders`` and ``sweep`` in
reminders, ``demo`` in demo_clinic).
"""
