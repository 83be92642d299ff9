"""Only for the search (search/views.py), the last code not moved to the one cache design
(page_cache.py): `kept` is `page_cache.cached` in the fragment store, skipped for previews; `kept_many`
reads and fills many ids in one round trip. Both store in the shared "template_fragments" store under
the content version. Next: `kept_many` becomes `page_cache.cached_many`, the search calls `cached`, and
this module goes.
"""

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from focus_industry.web.page_cache import cached, content_version

FRAGMENTS = "template_fragments"


def _version(request):
    return None if request is None or getattr(request, "is_preview", False) else content_version(request)


def kept(request, name, vary, compute, keep=None):
    if _version(request) is None:
        return compute()
    return cached(name, [translation.get_language(), *vary], compute, request=request, using=FRAGMENTS)


def kept_many(request, name, ids, compute_missing):
    """{id: value} for every id, from the store where it has them, the others from one call."""
    ids = list(dict.fromkeys(ids))
    version = _version(request)
    if version is None or not ids:
        return compute_missing(ids) if ids else {}
    store = caches[FRAGMENTS]
    keys = {item: f"{name}:{translation.get_language()}:{item}" for item in ids}
    found = store.get_many(keys.values(), version=version)
    values = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in ids if item not in values]
    if missing:
        computed = compute_missing(missing)
        store.set_many(
            {keys[item]: value for item, value in computed.items() if value is not None},
            settings.FOCUS_PAGE_CACHE_SECONDS,
            version=version,
        )
        values.update(computed)
    return values
