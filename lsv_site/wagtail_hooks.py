from django.http import Http404

from wagtail import hooks

from lsv_site.document_privacy import visible_to


@hooks.register("before_serve_document")
def hide_documents_of_unpublished_pages(document, request):
    if not visible_to(document, request.user):
        # 404, not 403: an anonymous visitor learns nothing about what exists.
        raise Http404
