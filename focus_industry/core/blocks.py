"""The StreamField blocks every page type shares.

Each block declares an icon, a template under templates/components/blocks/, a preview value and a
description, so the admin's block picker shows editors what they are choosing.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from focus_industry.editors.file_permissions import ImageChooserBlock, PermittedRichTextMixin

LANGUAGE_CHOICES = [("", _("Same as the page")), ("sv", _("Swedish")), ("en", _("English"))]

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^[0-9]{4,15}$")


def parse_video_url(url):
    """Return (provider, video_id) for a YouTube or Vimeo URL, or None when it is neither."""
    if not url:
        return None
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme not in {"http", "https"}:
        return None
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = [part for part in parsed.path.split("/") if part]
    video_id = None
    provider = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        provider = "youtube"
        if path[:1] == ["watch"]:
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif len(path) >= 2 and path[0] in {"embed", "shorts", "live", "v"}:
            video_id = path[1]
    elif host == "youtu.be":
        provider = "youtube"
        video_id = path[0] if path else None
    elif host in {"vimeo.com", "player.vimeo.com"}:
        provider = "vimeo"
        candidates = [part for part in path if part.isdigit()]
        video_id = candidates[0] if candidates else None
    if not provider or not video_id:
        return None
    pattern = YOUTUBE_ID if provider == "youtube" else VIMEO_ID
    if not pattern.match(video_id):
        return None
    return provider, video_id


class VideoValue(blocks.StructValue):
    @cached_property
    def parsed(self):
        return parse_video_url(self.get("url"))

    @property
    def provider(self):
        return self.parsed[0] if self.parsed else None

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}.get(self.provider, "")

    @property
    def embed_url(self):
        """The privacy-friendly player, loaded only after the visitor clicks."""
        if not self.parsed:
            return ""
        provider, video_id = self.parsed
        if provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0"
        return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"

    @property
    def watch_url(self):
        if not self.parsed:
            return self.get("url") or ""
        provider, video_id = self.parsed
        if provider == "youtube":
            return f"https://www.youtube.com/watch?v={video_id}"
        return f"https://vimeo.com/{video_id}"


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo film that loads only when the visitor asks for it."""

    url = blocks.URLBlock(label=_("Film address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("Title of the film"), max_length=200)
    poster = ImageChooserBlock(label=_("Poster image"), required=False, help_text=_("Shown before the film is played."))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if not parse_video_url(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter the address of a film on YouTube or Vimeo."))}
            )
        return value

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        value_class = VideoValue
        label = _("Video")
        description = _("A YouTube or Vimeo film that loads only when the visitor clicks play.")
        preview_value = {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Focus Industry"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows. Leave empty only if the image is decorative."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers will skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Write an alternative text, or mark the image as decorative."))
                }
            )
        return value

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role or organisation"), required=False, max_length=200)
    language = blocks.ChoiceBlock(
        label=_("Language of the quote"),
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=_("Set this when the quote is in another language than the page."),
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quote with the name and role of the person who said it.")
        preview_value = {
            "quote": "This training opened up the mind to how you can work with services.",
            "name": "Lina Bylund",
            "role": "",
        }


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("What it counts"), max_length=160)

    class Meta:
        icon = "pick"
        label = _("Key figure")


class FactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    facts = blocks.ListBlock(FactBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/facts_block.html"
        label = _("Facts")
        description = _("A few key figures, each with a short label.")
        preview_value = {
            "heading": "Focus Industry",
            "facts": [{"value": "50 000+", "label": "employees in industry"}, {"value": "3", "label": "regions"}],
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        return value

    class Meta:
        icon = "link"
        template = "components/blocks/cta_block.html"
        label = _("Call to action")
        description = _("A highlighted box that leads the visitor on to a page.")
        preview_value = {
            "heading": "Toolbox",
            "text": "Guides, templates and reports for those who work with Focus Industry.",
            "url": "https://example.org/",
            "link_text": "Open the toolbox",
        }


class RichTextBlock(PermittedRichTextMixin, blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "components/blocks/rich_text_block.html"
        label = _("Text")
        description = _("Paragraphs, headings, lists and links.")
        features = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        preview_value = "<p>Focus Industry is a joint effort of Dalarna, Gävleborg and Värmland.</p>"


class BaseContentBlock(blocks.StreamBlock):
    text = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    facts = FactsBlock()
    call_to_action = CallToActionBlock()


class StepsBlock(blocks.StreamBlock):
    """The "Steps to move us forward" list of an action area."""

    step = blocks.CharBlock(label=_("Step"), max_length=300, icon="arrow-right")

    class Meta:
        label = _("Steps to move us forward")


class KeyFiguresBlock(blocks.StreamBlock):
    figure = FactBlock()

    class Meta:
        label = _("Key figures")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    logo = ImageChooserBlock(label=_("Logo"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)

    class Meta:
        icon = "group"
        label = _("Partner")
