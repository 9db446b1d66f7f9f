import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naltrack.config.settings")
application = get_wsgi_application()

# Each web worker learns the library search's classifier as it starts (two to three seconds of CPU,
# from files only), not in the first reader's search (docs/education-search.md).
from naltrack.education.search.examples import library_examples  # noqa: E402

library_examples()
