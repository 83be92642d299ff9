"""How feature apps contribute content to core pages without the core importing them.

An app registers a function with a Wagtail hook:

    @hooks.register(HOME_SECTIONS)
    def latest_stories(request, page, **kwargs) -> Section | None: ...

    @hooks.register(TAGGED_SECTIONS)
    def stories_for(request, page, action_area=None, region=None, **kwargs) -> Section | None: ...

The core page collects the sections, drops empty ones and renders each with its own template.
Each function must run a bounded number of queries (one or two), whatever the amount of content.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOME_SECTIONS = "focus_industry_home_sections"
TAGGED_SECTIONS = "focus_industry_tagged_sections"


@dataclass
class Section:
    key: str
    heading: str
    template: str
    items: list = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""
    order: int = 100
    extra: dict = field(default_factory=dict)


def collect_sections(hook_name, request, **kwargs):
    sections = []
    for contribute in hooks.get_hooks(hook_name):
        section = contribute(request, **kwargs)
        if section is not None and section.items:
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))
