"""The site's own error views (wired up as handler500 in lsv_site.urls)."""

import sys

from django.views.defaults import server_error as django_server_error

from ops.middleware.database_outage import (
    DATABASE_ERRORS,
    maintenance_response,
    note_outage,
)


def server_error(request, template_name="500.html"):
    # Database errors raised outside a view (in middleware, in a template
    # rendered after the view returned) do not reach DatabaseOutageMiddleware;
    # they land here and get the same maintenance page.
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        note_outage(exception)
        return maintenance_response()
    return django_server_error(request, template_name)
