from django import template
from django.utils.safestring import mark_safe

from lsv_site import renditions

register = template.Library()


@register.simple_tag
def picture_for(image, name: str, **attrs):
    """`{% picture_for image "card" sizes="…" alt="" %}`: Wagtail's `<picture>`
    with the sizes named `name` in lsv_site.renditions."""
    if not image:
        return ""
    return mark_safe(renditions.picture(image, name, attrs))
