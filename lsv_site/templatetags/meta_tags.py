"""`{% page_meta as meta %}`: the page's search and sharing metadata (lsv_site.page_meta)."""

from django import template

from lsv_site import page_meta as meta_module
from lsv_site.structured_data import to_script

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "seo_title"):
        return None
    return meta_module.build(request, page)


@register.filter
def json_ld(data: dict):
    return to_script(data)
