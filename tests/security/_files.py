"""Shared by the adversarial modules about files: which routes serve files, which stored files are private."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

# A route serves files when its tail takes any path: a `path` converter or a catch-all group. Pages
# (Wagtail's serve pattern takes word characters and slashes only) and the admin (login first) are not
# file routes.
_CATCH_ALL = re.compile(r"\(\?P<\w+>\.\*\)|\(\.\*\)|<path:\w+>")


def _walk(patterns, prefix=""):
    for entry in patterns:
        pattern = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + pattern)
        elif isinstance(entry, URLPattern):
            yield entry, prefix + pattern


def file_routes():
    """[(route name, literal URL prefix)] of every route outside the admin whose tail takes any path."""
    routes = []
    for entry, full in _walk(get_resolver().url_patterns):
        literal = full.replace("^", "").replace("$", "")
        if literal.startswith("admin/") or not _CATCH_ALL.search(full):
            continue
        prefix = "/" + re.split(r"[(<]", literal, maxsplit=1)[0]
        routes.append((entry.name, prefix))
    return routes


def private_stored_names():
    """Every stored file of the local disk that no visitor may fetch from /media/: documents and
    originals (everything outside the renditions' folder)."""
    root = Path(settings.MEDIA_ROOT)
    names = [path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()]
    return sorted(name for name in names if not name.startswith("images/"))
