"""`{% page_meta as meta %}`: the page's search and sharing metadata (seo.page_meta)."""

from django import template

from core.structured_data import to_script
from seo import page_meta as meta_module

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
