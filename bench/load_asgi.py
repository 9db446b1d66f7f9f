"""The ASGI application bench/load.py serves when it compares an ASGI server (gunicorn's uvicorn
workers) with gunicorn's own workers: the same settings, Django's ASGI handler. The product
serves WSGI (``naltrack serve``); docs/performance.md says why."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load_settings")
application = get_asgi_application()
