"""Building blocks of the demo loader, shared by the core and the feature apps' `demo` modules."""

import json
import secrets
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.html import escape
from django.utils.module_loading import module_has_submodule

from wagtail.fields import StreamField
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from . import content
from .images import get_or_create_image


def tr(**values):
    """{"title": ("sv", "en")} -> {"title_sv": "sv", "title_en": "en"}; plain values pass through."""
    result = {}
    for name, value in values.items():
        if isinstance(value, tuple) and len(value) == 2:
            result[f"{name}_sv"], result[f"{name}_en"] = value
        else:
            result[name] = value
    return result


def rich(html):
    return [("text", RichText(html))]


@dataclass
class DemoContext:
    home: Page
    scale: int = 0
    log: object = print
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)

    @property
    def regions(self):
        from focus_industry.core.models import Region

        return {region.slug: region for region in Region.objects.all()}

    @property
    def areas(self):
        from focus_industry.core.models import ActionArea

        return {area.slug: area for area in ActionArea.objects.all()}

    def image(self, title, key=None, **kwargs):
        return get_or_create_image(title, key=key, **kwargs)

    def collection(self, name):
        return Collection.objects.filter(name=name).first() or Collection.get_first_root_node()

    def page(self, parent, model, slug_sv, publish=True, **fields):
        """The child of `parent` with Swedish slug `slug_sv`, created (and published) if missing.

        An existing page that no editor has touched (every revision is the loader's) is brought up to
        date with `fields`, so a re-run corrects demo content an earlier version of the loader wrote;
        a page an editor has saved is returned as it is.
        """
        existing = model.objects.child_of(parent).filter(slug_sv=slug_sv).first()
        if existing is not None:
            if update_untouched(existing, fields):
                self.updated.append(existing)
            return existing
        page = model(slug_sv=slug_sv, **fields)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        self.created.append(page)
        return page

    def retire(self, parent, model, slug_sv):
        """Unpublish a page an earlier version of the demo made and no longer has, unless an editor saved it."""
        page = model.objects.child_of(parent).filter(slug_sv=slug_sv).live().first()
        if page is not None and not edited_by_someone(page):
            page.unpublish()
            self.updated.append(page)


def edited_by_someone(page):
    """True when a person has saved the page: the loader's revisions have no user."""
    return page.revisions.exclude(user=None).exists()


def _comparable(value):
    """A field's stored form without the block ids StreamField gives each new block."""
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list | tuple):
        return [_comparable(item) for item in value]
    return value


def _stored(page, name):
    model_field = page._meta.get_field(name)
    if model_field.many_to_many:
        return sorted(item.pk for item in getattr(page, name).all())
    value = model_field.value_from_object(page)
    if isinstance(model_field, StreamField):
        return _comparable(json.loads(json.dumps(model_field.get_prep_value(value), cls=DjangoJSONEncoder)))
    return value


def update_untouched(page, fields):
    """Give a page the loader made, and no editor has saved since, the current demo `fields`.

    A new revision is published only when something differs. Returns True when it did.
    """
    if not fields or edited_by_someone(page):
        return False
    changed = False
    for name, value in fields.items():
        before = _stored(page, name)
        setattr(page, name, value)
        if _stored(page, name) != before:
            changed = True
    if changed:
        page.save_revision().publish()
    return changed


def home_fields():
    """The home page's demo fields. The film only with a real address (content.HOME["video_url"])."""
    data = content.HOME
    fields = tr(
        **{
            name: data[name]
            for name in (
                "title",
                "seo_title",
                "search_description",
                "hero_heading",
                "hero_intro",
                "way_forward_heading",
                "way_forward_text",
                "about_heading",
                "about_text",
                "areas_heading",
                "toolbox_heading",
                "toolbox_text",
            )
        }
    )
    fields["key_figures_sv"] = [("figure", {"value": v, "label": label}) for v, label in data["key_figures"][0]]
    fields["key_figures_en"] = [("figure", {"value": v, "label": label}) for v, label in data["key_figures"][1]]
    fields["hero_image"] = get_or_create_image("Industrilandskap i Norra Mellansverige", key="hero")
    for lang, index in (("sv", 0), ("en", 1)):
        video = []
        if data["video_url"]:
            poster = get_or_create_image("Filmaffisch Focus Industry", key="film-poster")
            video = [("video", {"url": data["video_url"], "title": data["video_title"][index], "poster": poster})]
        fields[f"video_{lang}"] = video
    return fields


def ensure_home():
    """Replace Wagtail's welcome page by the HomePage and point the default site at it."""
    from focus_industry.core.models import HomePage

    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if root.title_sv is None:
        Page.objects.filter(pk=root.pk).update(title_sv=root.title, title_en=root.title)
    fields = home_fields()
    if home is None:
        home = HomePage(slug_sv="focus-industry", slug_en="focus-industry-en", **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
    else:
        update_untouched(home, fields)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Focus Industry"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Focus Industry"
        site.save()
        if type(old_root.specific) is Page and old_root.is_leaf():
            old_root.delete()
    return HomePage.objects.get(pk=home.pk)


def load_core(context):
    from focus_industry.core.models import ActionAreaIndexPage, ActionAreaPage, SiteSettings, StandardPage

    home = context.home
    index_data = content.AREA_INDEX
    area_index = context.page(
        home,
        ActionAreaIndexPage,
        index_data["slug"][0],
        slug_en=index_data["slug"][1],
        show_in_menus=True,
        **tr(title=index_data["title"], intro=index_data["intro"]),
    )
    areas = context.areas
    area_pages = []
    for key, (slug_sv, slug_en, intro_sv, intro_en, body_sv, body_en, steps_sv, steps_en) in content.AREA_PAGES.items():
        area = areas[key]
        area_page = context.page(
            area_index,
            ActionAreaPage,
            slug_sv,
            slug_en=slug_en,
            action_area=area,
            title_sv=area.name_sv,
            title_en=area.name_en,
            intro_sv=intro_sv,
            intro_en=intro_en,
            body_sv=rich(f"<p>{body_sv}</p>"),
            body_en=rich(f"<p>{body_en}</p>"),
            steps_sv=[("step", step) for step in steps_sv],
            steps_en=[("step", step) for step in steps_en],
        )
        area_pages.append(area_page)
    pages = {}
    for key, data in content.STANDARD_PAGES.items():
        body_sv, body_en = (
            text.replace("{areas}", area_links(area_pages, content.ABOUT_AREAS_HEADING[index], language))
            for index, (text, language) in enumerate(zip(data["body"], ("sv", "en"), strict=True))
        )
        pages[key] = context.page(
            home,
            StandardPage,
            data["slug"][0],
            slug_en=data["slug"][1],
            show_in_menus=data["in_menu"],
            **tr(title=data["title"], intro=data["intro"]),
            body_sv=rich(body_sv),
            body_en=rich(body_en),
        )
    site_settings = SiteSettings.load()
    if not site_settings.contact_email:
        data = content.SITE_SETTINGS
        for name in ("contact_heading", "contact_text"):
            setattr(site_settings, f"{name}_sv", data[name][0])
            setattr(site_settings, f"{name}_en", data[name][1])
        site_settings.contact_email = data["contact_email"]
        site_settings.accessibility_page = pages["accessibility"]
        site_settings.privacy_page = pages["privacy"]
        site_settings.partners = [
            ("partner", {"name": name, "logo": None, "url": url}) for name, url in data["partners"]
        ]
        site_settings.save()
    else:
        link_partners(site_settings)


def area_links(area_pages, heading, language):
    """A heading and a list of links to the action area pages (Wagtail page links: they follow renames)."""
    items = "".join(
        f'<li><a linktype="page" id="{page.pk}">{escape(getattr(page, f"title_{language}"))}</a></li>'
        for page in area_pages
    )
    return f"<h2>{escape(heading)}</h2><ul>{items}</ul>"


def link_partners(site_settings):
    """Give the demo's region partners without an address their website (earlier versions had none)."""
    urls = dict(content.SITE_SETTINGS["partners"])
    changed = False
    for block in site_settings.partners:
        if not block.value.get("url") and block.value.get("name") in urls:
            block.value["url"] = urls[block.value["name"]]
            changed = True
    if changed:
        site_settings.save()


def feature_demo_modules():
    """The `demo` modules of installed apps other than the core, in INSTALLED_APPS order."""
    modules = []
    for app_config in apps.get_app_configs():
        if app_config.name == "focus_industry" or not app_config.name.isidentifier():
            continue
        if module_has_submodule(app_config.module, "demo"):
            modules.append(import_module(f"{app_config.name}.demo"))
    return modules


@transaction.atomic
def load_demo_content(scale=0, log=print):
    home = ensure_home()
    context = DemoContext(home=home, scale=scale, log=log)
    load_core(context)
    for module in feature_demo_modules():
        module.load(context)
    return context


DEMO_ACCOUNTS = [
    ("admin", None, True),
    ("coordinator", "Coordinators", False),
    ("promoter", "Business promoters", False),
    ("staff-dalarna", "Regional staff: Dalarna", False),
    ("staff-gavleborg", "Regional staff: Gävleborg", False),
    ("staff-varmland", "Regional staff: Värmland", False),
]


def create_demo_accounts(log=print):
    """One account per role, dev only; a new account's password is printed once and never stored in clear."""
    if not getattr(settings, "FOCUS_DEMO_ACCOUNTS", False):
        raise RuntimeError("Demo accounts are disabled in these settings (never created in production).")
    User = get_user_model()
    created = []
    for username, group_name, is_superuser in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            is_superuser=is_superuser,
            is_staff=is_superuser,
            first_name=username.replace("-", " ").title(),
            last_name="Demo",
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        created.append((username, password))
    return created
