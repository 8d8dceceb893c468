from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query


class SearchesWithoutResultsView(ReportView):
    """What visitors searched for and found nothing: candidates for new
    content or for a promoted result."""

    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "searches_without_results"
    index_results_url_name = "searches_without_results_results"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-_hits"
    columns = [
        Column("query_string", label=_("Search term(s)"), sort_key="query_string"),
        NumberColumn("_hits", label=_("Searches"), sort_key="_hits"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]
    list_export = ["query_string", "_hits", "last_searched"]

    def get_base_queryset(self):
        return (
            Query.objects.filter(outcome__result_count=0)
            .annotate(_hits=Sum("daily_hits__hits"), last_searched=F("outcome__last_searched"))
            .order_by("-_hits")
        )
