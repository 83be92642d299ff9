"""Translated routing: a page's child is found by one indexed query, not by loading every child.

wagtail-modeltranslation (with translated slugs) gives every translated page model its own `route`,
which loads *all* the children of a page and compares each one's slug in the active language (with
the fallback languages of the `slug` field) in Python: the query for a story read every story of its
index, and each page model's own `route` is overwritten when the app starts. This module is the one
fix, meant to be offered upstream as the body of `patch_wagtailadmin._new_route`:

- The children are narrowed in the database to those whose slug, in one of the languages the `slug`
  descriptor looks at (the active one, then its fallbacks: the default language), is the path's
  segment: one query on the per-language slug columns (indexed, schema.py), within the children
  (Wagtail's tree columns).
- Among those few candidates, the one whose `slug` in the active language (the descriptor, with its
  fallback) is the segment is taken, exactly the comparison wagtail-modeltranslation makes: so
  `/en/om-focus-industry/` stays a 404 when the page has an English slug of its own.
- As in Wagtail's own `Page.route`, the child remembers its parent (`_cached_parent_obj`), so
  `get_parent()` costs no query while the page is served.
- A page the path only passes through (the home page, a story's index, a region's folder) is taken as
  it is (`specific_deferred`, its type without its own fields: no query, where its whole row with both
  languages' texts and bodies was read before); the page served is read whole. For the home page this
  takes Wagtail's `Page.route_for_request` (which reads the site's root page whole), with that one
  change, until Wagtail offers it.

`WagtailModeltranslationConfig` (listed in INSTALLED_APPS instead of "wagtail_modeltranslation")
puts `route` in the place of wagtail-modeltranslation's function before that app patches the page
models, so each of them gets it from the library itself. Once the library does this, the config goes
and INSTALLED_APPS names the library again.
"""

from django.db.models import Q
from django.http import Http404

from wagtail_modeltranslation import apps as wagtail_modeltranslation_apps


def child_for_slug(page, slug):
    """The child of `page` whose slug in the active language (or its fallback) is `slug`, or None.

    A page that allows one type of child (a story index) gets it in that type from the same query;
    a child of another type (made before the rule, say) is still found, with a second query.
    """
    from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order
    from wagtail.models import Page

    languages = resolution_order(get_language(), Page.slug.fallback_languages)
    in_any_column = Q()
    for language in languages:
        in_any_column |= Q(**{build_localized_fieldname("slug", language): slug})
    child_models = page.allowed_subpage_models()
    candidates = [child_models[0].objects.child_of(page)] if len(child_models) == 1 else []
    for children in [*candidates, page.get_children()]:
        for child in children.filter(in_any_column).order_by("path"):
            if child.slug == slug:  # the descriptor: the active language's slug, or its fallback's
                child._cached_parent_obj = page
                return child
    return None


def ancestor_of_type(page, model):
    """The nearest ancestor of `page` that is a `model`: one of the parents routing remembered on the way
    to it (no query), else one query (a preview, a page not reached by its address)."""
    parent = getattr(page, "_cached_parent_obj", None)
    while parent is not None:
        if isinstance(parent, model):
            return parent
        parent = getattr(parent, "_cached_parent_obj", None)
    return model.objects.ancestor_of(page).order_by("-depth").first()


def _serves_subpage(page_class, path_components):
    """Whether a routable page class answers `path_components` itself (a feed, a data file)."""
    from django.urls import Resolver404

    from wagtail.contrib.routable_page.models import RoutablePageMixin

    if page_class is None or not issubclass(page_class, RoutablePageMixin):
        return False
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{component}/" for component in path_components))
    except Resolver404:
        return False
    return True


def route(self, request, path_components):
    """Page.route (and RoutablePageMixin.route) with the child found by `child_for_slug`."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.url_routing import RouteResult

    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = self.resolve_subpage(path)
        except Http404:
            pass
        else:
            self._served_to = request  # see BasePage.get_view_restrictions
            return RouteResult(self, args=(view, args, kwargs))
    if path_components:
        child = child_for_slug(self, path_components[0])
        if child is None:
            raise Http404
        rest = path_components[1:]
        if rest and not _serves_subpage(child.specific_class, rest):
            # Passed through to one of its children: its own fields are never read (no query for them).
            return child.specific_deferred.route(request, rest)
        return child.specific.route(request, rest)
    if self.live:
        self._served_to = request  # see BasePage.get_view_restrictions
        return RouteResult(self)
    raise Http404


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, but the site's home page is read whole only when it is the page
    served: a path below it passes through it as `specific_deferred`, like any page on the way."""
    from wagtail.models import Site

    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            if site := Site.find_for_request(request):
                path_components = [component for component in path.split("/") if component]
                root = site.root_page.localized
                if path_components and not _serves_subpage(root.specific_class, path_components):
                    root = root.specific_deferred
                else:
                    root = root.specific
                request._wagtail_route_for_request = root.route(request, path_components)
            else:
                request._wagtail_route_for_request = None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


class WagtailModeltranslationConfig(wagtail_modeltranslation_apps.WagtailModeltranslationConfig):
    """wagtail-modeltranslation, giving the translated page models `route` above as their `route`."""

    def ready(self):
        from wagtail.models import Page
        from wagtail_modeltranslation import patch_wagtailadmin

        patch_wagtailadmin._new_route = route
        Page.route_for_request = staticmethod(route_for_request)
        super().ready()
