from django import forms
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag


class ListsForm(forms.Form):
    news = forms.BooleanField(label=_("All news"), required=False)
    white_papers = forms.BooleanField(label=_("White papers"), required=False)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Tag.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def lists(self) -> dict:
        data = self.cleaned_data
        return {
            "news": data["news"],
            "white_papers": data["white_papers"],
            "topics": sorted(tag.slug for tag in data["topics"]),
        }


class SubscribeForm(ListsForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(required=False)

    def clean(self):
        data = super().clean()
        if not self.errors and not (data["news"] or data["white_papers"] or data["topics"]):
            raise forms.ValidationError(_("Choose at least one list."))
        return data

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
