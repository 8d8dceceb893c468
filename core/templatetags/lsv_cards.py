from django import template
from django.template.loader import get_template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from core.cards import CardList, prepare_cards
from fastpath import fragments

register = template.Library()


def _render(
    context, page, heading_level: int, show_kind=True, template="components/card.html"
) -> str:
    values = {
        "card": page,
        "heading_level": heading_level,
        "show_kind": show_kind,
        "request": context.get("request"),
    }
    return get_template(template).template.render(context.new(values))


@register.simple_tag(takes_context=True)
def card_items(context, cards, heading_level=None, bare=False):
    """`{% card_items cards as items %}`: one `<li>` per card, or "" for none
    (`bare=True`: the cards without the `<li>`, for a single lead story).

    A CardList's cards come from the fragment memo where they are, and are
    rendered (and kept) otherwise, at the list's heading level, with or without
    the kind label, in the list's template. A plain list of pages (search
    results, of mixed kinds) is rendered as it is, at `heading_level` (2 or 3).
    """
    request = context.get("request")
    if not isinstance(cards, CardList):
        level = heading_level or 3
        rendered = [_render(context, page, level) for page in cards or ()]
    else:
        level = cards.heading_level
        options = {"show_kind": cards.show_kind, "template": cards.template}
        rendered = []
        for pid in cards.ids:
            key = cards.key(request, pid)
            html = fragments.recall(request, key)
            if html is None:
                if pid not in cards.asked:
                    prepare_cards(request, [cards])
                page = cards.loaded.get(pid)
                if page is None:
                    continue  # not visible
                html = _render(context, page, level, **options)
                fragments.keep(request, key, html)
            rendered.append(html)
    if bare:
        return mark_safe("".join(rendered))
    return format_html_join("", "<li>{}</li>", ((mark_safe(html),) for html in rendered))
