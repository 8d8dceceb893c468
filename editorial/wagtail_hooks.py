from wagtail import hooks

from editorial.dashboard import MyDraftsPanel, RecentlyPublishedPanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(MyDraftsPanel())
    panels.append(RecentlyPublishedPanel())


@hooks.register("construct_page_chooser_queryset")
def chooser_rows_without_a_query_each(pages, request):
    # Each row of the page chooser shows the page's status, which asks for its
    # workflow and its approved schedule: two queries per row unless fetched
    # with the page, as the admin's own page listing does.
    return pages.prefetch_workflow_states().annotate_approved_schedule()
