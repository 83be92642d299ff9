"""RSS 2.0 and Atom feeds of the success stories, per language and per filter.

Served as sub-routes of the listing page (…/feed/rss/ and …/feed/atom/, keeping the filter query
string), so each feed lives at an address in its own language: /framgangsexempel/feed/rss/,
/en/success-stories/feed/atom/?region=dalarna. The filters are read by the listing's own engine
(focus_industry/core/listing.py), so they behave alike: a filter value that does not exist is a 404.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import FEED_SIZE


class StoryRssFeed(Feed):
    feed_type = Rss201rev2Feed
    # Atom requires an author for the feed (RFC 4287, 4.1.1): the stories are published by Focus Industry.
    author_name = "Focus Industry"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        filters = self.index_page.listing.filters(request)
        if filters.unknown:
            raise Http404(_("There is no such filter."))
        self.request = request
        self.filters = filters
        self.language = translation.get_language()
        return filters

    def title(self, filters):
        described = filters.describe()
        base = f"{self.index_page.title} | Focus Industry"
        return f"{described} – {base}" if described else base

    def link(self, filters):
        return self.request.build_absolute_uri(self.index_page.get_url(request=self.request) + filters.query())

    def description(self, filters):
        return self.index_page.intro or _("Success stories from industry in Dalarna, Gävleborg and Värmland.")

    def feed_url(self, filters):
        return self.request.build_absolute_uri()

    def items(self, filters):
        stories = filters.apply(self.index_page.stories()).defer_streamfields()
        return list(stories[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(request=self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.date_time

    def item_updateddate(self, item):
        return item.date_time


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed
    subtitle = StoryRssFeed.description
