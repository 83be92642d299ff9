"""Shared by the adversarial modules about files: which routes serve files, which stored files are private."""

import re
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

# Each trick writes the stored name `name` differently; every one of them normalises back to it.
# (Shared with the object storage's tests.)
TRICKS = {
    "plain": lambda name: name,
    "double slash": lambda name: "/" + name,
    "dot segment": lambda name: "./" + name,
    "up from a folder": lambda name: "x/../" + name,
    "up from the renditions": lambda name: "images/../" + name,
    "encoded dot": lambda name: "%2e/" + name,
    "encoded dot-dot": lambda name: "images/%2e%2e/" + name,
    "encoded slash": lambda name: "images/..%2f" + name,
    "all encoded": lambda name: quote(name, safe=""),
    "double encoded": lambda name: "images/%252e%252e/" + name,
    "backslashes": lambda name: "images\\..\\" + name.replace("/", "\\"),
    "encoded backslash": lambda name: "images/..%5c" + name,
    "overlong utf-8 dots": lambda name: "images/%c0%ae%c0%ae/" + name,
    "unicode one-dot leaders": lambda name: "images/\u2024\u2024/" + name,
    "fullwidth dots": lambda name: "images/\uff0e\uff0e/" + name,
    "nul byte": lambda name: "images/..%00/" + name,
    "trailing nul": lambda name: name + "%00.webp",
    "upper-case folder": lambda name: "IMAGES/../" + name,
}


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
