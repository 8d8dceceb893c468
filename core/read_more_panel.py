"""A read-only panel in the editing form: the "Läs mer" cards the page will
show, picked and automatic, chosen exactly as the public page chooses them."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class ReadMorePreviewPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Read more cards readers will see"))
        kwargs.setdefault(
            "help_text",
            _("As last saved: save a draft to see the effect of changed links or topics."),
        )
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/read_more_preview.html"

        def get_context_data(self, parent_context=None):
            from core.read_more import read_more_for

            context = super().get_context_data(parent_context)
            page = self.instance
            picked = {link.target_id for link in page.read_more_links.all()}
            context["cards"] = [(card, card.pk in picked) for card in read_more_for(page)]
            return context
