from django import template
from django.utils.safestring import mark_safe

from core import renditions
from fastpath import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def picture_for(context, image, name: str, **attrs):
    """`{% picture_for image "card" sizes="…" alt="" %}`: Wagtail's `<picture>`
    with the sizes named `name` in core.renditions."""
    if not image:
        return ""
    # An edited image bumps the content version; its file name is in the key all the same.
    key = ("picture", image.pk, image.file.name, name)
    key += tuple(sorted((k, str(v)) for k, v in attrs.items()))
    request = context.get("request")
    html = fragments.remember(request, key, lambda: renditions.picture(image, name, attrs, request))
    return mark_safe(html)
