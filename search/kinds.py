"""The kinds search looks through, by their `?typ=` value, in the order the
filter lists them. Its own module: both the search entries (what to index)
and the results (what to filter) need it, and neither may import the other's
side of the work."""

from django.utils.translation import pgettext_lazy

from news.models import NewsArticlePage
from people.models import PersonPage
from whitepapers.models import WhitePaperPage

KINDS = {
    "nyheter": (NewsArticlePage, pgettext_lazy("search filter", "News")),
    "white-papers": (WhitePaperPage, pgettext_lazy("search filter", "White papers")),
    "personer": (PersonPage, pgettext_lazy("search filter", "People")),
}
