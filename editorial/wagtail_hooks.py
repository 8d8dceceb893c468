from wagtail import hooks

from editorial.dashboard import MyDraftsPanel, RecentlyPublishedPanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(MyDraftsPanel())
    panels.append(RecentlyPublishedPanel())
