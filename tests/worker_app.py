"""The site as gunicorn serves it, plus two things only tests/test_cache_workers.py uses: every answer
names the worker process that gave it (`X-Worker`), and `POST /__rename__/?model=…&slug=…&name=…`
renames a region or an action area through the ORM inside the worker that receives it, as an editor's
save in the admin does (post_save, then the purge once the change is committed). Never served outside
the tests: gunicorn is pointed at `tests.worker_app:application` by that test only.
"""

import os
from urllib.parse import parse_qs

from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

site = get_wsgi_application()


def rename(query):
    from focus_industry.core.models import ActionArea, Region

    params = {key: values[0] for key, values in parse_qs(query).items()}
    model = {"region": Region, "area": ActionArea}[params["model"]]
    close_old_connections()
    try:
        item = model.objects.get(slug=params["slug"])
        item.name_en = params["name"]
        item.save()  # autocommit: the purge runs right after the commit, in this worker
    finally:
        close_old_connections()


def application(environ, start_response):
    worker = str(os.getpid())
    if environ["PATH_INFO"] == "/__rename__/" and environ["REQUEST_METHOD"] == "POST":
        rename(environ.get("QUERY_STRING", ""))
        start_response("200 OK", [("Content-Type", "text/plain"), ("X-Worker", worker)])
        return [b"renamed"]

    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker", worker)], exc_info)

    return site(environ, start)
