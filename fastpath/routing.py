"""Page routing in two queries instead of two per tree level.

Wagtail's router walks the tree from the site root, one child query and one
`specific` query per level. Here the deepest page whose `url_path` is a prefix
of the request path is found in one query, fetched as its specific type in a
second, and then asked to route the rest of the path itself, so RoutablePage
sub-routes keep working. Whenever an ancestor on the way could have claimed
the path differently (a custom `route()`, or a RoutablePage sub-route that
matches), Wagtail's own routing decides instead. The result is stored where
Wagtail's `serve` view looks for it, so its hooks, privacy checks and
redirect handling run unchanged.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from fastpath import fragments, version
from fastpath.compiled import CompiledQuery


def find_site(request) -> Site | None:
    """Wagtail's site lookup, remembered per host and port until content changes."""
    if not hasattr(request, "_wagtail_site"):
        from django.http.request import split_domain_port

        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def lookup():
            try:
                return get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                return None

        request._wagtail_site = version.per_version(f"site:{hostname}:{port}", lookup)
    return request._wagtail_site


def _claims_path(page_class, remaining: list[str]) -> bool:
    """Could this ancestor's own `route()` answer `remaining` itself?"""
    if page_class.route is Page.route:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
        except Resolver404:
            return False
    return True


def _depth_in_path(url_path: str, root_path: str) -> int:
    rest = url_path.removeprefix(root_path).strip("/")
    return len(rest.split("/")) if rest else 0


_page_queries: dict[type, CompiledQuery] = {}


def _page_query(model) -> CompiledQuery:
    """The page of this type by id, with what `serve_select_related` names."""
    query = _page_queries.get(model)
    if query is None:
        related = getattr(model, "serve_select_related", ())
        query = _page_queries[model] = CompiledQuery(
            lambda pk: model.objects.filter(id=pk).select_related(*related).order_by()
        )
    return query


def fast_route(request, path: str):
    """The route result for `path`, or `...` when Wagtail's router should decide."""
    site = find_site(request)
    if site is None:
        return None
    components = [c for c in path.split("/") if c]
    root_path = site.root_page.url_path
    prefixes = [
        root_path + "".join(f"{c}/" for c in components[:i]) for i in range(len(components) + 1)
    ]
    # The pages on the way are the same for every request until content changes.
    chain = fragments.remember(
        request,
        ("route", site.pk, path),
        lambda: list(Page.objects.filter(url_path__in=prefixes).order_by("-depth")),
        size=1000 * len(prefixes),
    )
    if not chain or chain[-1].url_path != root_path:
        return ...
    classes = [ContentType.objects.get_for_id(p.content_type_id).model_class() for p in chain]
    if any(cls is None for cls in classes):
        return ...
    # Ancestors in between must not be able to claim the path themselves.
    for ancestor, cls in zip(chain[1:], classes[1:], strict=True):
        if _claims_path(cls, components[_depth_in_path(ancestor.url_path, root_path) :]):
            return ...
    model = classes[0]
    found = _page_query(model).objects(chain[0].id)
    if not found:
        return ...
    page = found[0]
    if len(chain) > 1 and chain[1].depth == page.depth - 1:
        # Saves the query for "Se alla" and other parent lookups.
        page._cached_parent_obj = chain[1]
    return page.route(request, components[_depth_in_path(page.url_path, root_path) :])


def serve(request, path):
    """Wagtail's `serve` view, with the route found by `fast_route` when it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            result = fast_route(request, path)
        except Http404:
            result = None
        if result is not ...:
            request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
