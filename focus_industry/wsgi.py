import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "focus_industry.settings.production")

application = get_wsgi_application()

# The search's Swedish dictionary, loaded before the first visitor searches (and, with gunicorn's
# preload_app, once in the master: the workers share it).
from focus_industry.search.analysis import warm  # noqa: E402 - needs the apps loaded above

warm()
