from django.db.models import F, Q, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

# A query searched at least this often whose results are clicked less than
# once in FEW_CLICKS_DIVISOR searches is listed: its results seem not
# to be what visitors look for.
MIN_SEARCHES = 5
FEW_CLICKS_DIVISOR = 5  # fewer than 1 click in 5 searches, i.e. < 0.2 per search


class SearchesWithoutResultsView(ReportView):
    """What visitors searched for and found nothing, or searched for often
    and seldom clicked a result of: candidates for new content or for a
    promoted result."""

    page_title = _("Searches without results or with few clicks")
    header_icon = "search"
    index_url_name = "searches_without_results"
    index_results_url_name = "searches_without_results_results"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-_hits"
    columns = [
        Column("query_string", label=_("Search term(s)"), sort_key="query_string"),
        NumberColumn("_hits", label=_("Searches"), sort_key="_hits"),
        NumberColumn("_results", label=_("Results"), sort_key="_results"),
        NumberColumn("_clicks", label=_("Clicks"), sort_key="_clicks"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]
    list_export = ["query_string", "_hits", "_results", "_clicks", "last_searched"]

    def get_base_queryset(self):
        return (
            Query.objects.filter(outcome__isnull=False)
            .annotate(
                _hits=Sum("daily_hits__hits"),
                _results=F("outcome__result_count"),
                _clicks=F("outcome__clicks"),
                last_searched=F("outcome__last_searched"),
            )
            .filter(
                Q(_results=0)
                | Q(_hits__gte=MIN_SEARCHES, _hits__gt=F("_clicks") * FEW_CLICKS_DIVISOR)
            )
            .order_by("-_hits")
        )
