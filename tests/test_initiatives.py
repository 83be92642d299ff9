"""Initiatives: public pages, filters, open data, sections, region-scoped permissions, query counts."""

import csv
import datetime
import io
import json

import pytest

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from initiatives.models import InitiativeIndexPage, InitiativePage, RegionPage, Status
from tests import factories

pytestmark = pytest.mark.django_db

STAFF = {
    "dalarna": "Regional staff: Dalarna",
    "gavleborg": "Regional staff: Gävleborg",
    "varmland": "Regional staff: Värmland",
}
# One demo initiative per region, by Swedish slug.
SAMPLE = {
    "dalarna": "industrinara-forskning-dalarna",
    "gavleborg": "testarena-reservdelar",
    "varmland": "vuxenutbildning-sagverksoperatorer",
}


@pytest.fixture
def index_page():
    return InitiativeIndexPage.objects.get()


@pytest.fixture
def region_pages():
    return {page.region.slug: page for page in RegionPage.objects.select_related("region")}


@pytest.fixture
def samples():
    return {region: InitiativePage.objects.get(slug_sv=slug) for region, slug in SAMPLE.items()}


def url_of(page, language="sv"):
    with translation.override(language):
        return page.specific.get_url()


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def add_initiative(parent, n, **fields):
    names = {
        "title_sv": f"Extra initiativ {n}",
        "title_en": f"Extra initiative {n}",
        "slug_sv": f"extra-initiativ-{n}",
        "slug_en": f"extra-initiative-{n}",
        "summary_sv": "Sammanfattning",
        "summary_en": "Summary",
        "start_date": datetime.date(2025, 1, 1),
    }
    return factories.initiative(parent, **{**names, **fields})


# --- Public pages -----------------------------------------------------------------------------


def test_overview_in_both_languages_lists_every_regions_initiatives(client):
    sv = html_of(client.get("/initiativ/"))
    en = html_of(client.get("/en/initiatives/"))
    assert "Testarena för kritiska reservdelar" in sv and "Vuxenutbildning för sågverksoperatörer" in sv
    assert "Test arena for critical spare parts" in en and "Adult training for sawmill operators" in en
    assert "Focus Industry Spets" in en and "Industry-led research in Dalarna" in en


def test_overview_map_links_each_region_with_an_accessible_name_and_a_text_alternative(client):
    html = html_of(client.get("/en/initiatives/"))
    svg = html[html.index("<svg") : html.index("</svg>")]
    for slug, name in (("dalarna", "Dalarna"), ("gavleborg", "Gävleborg"), ("varmland", "Värmland")):
        assert f'href="/en/initiatives/{slug}/"' in svg
        assert f'aria-label="{name}: 4 initiatives"' in svg
    assert 'id="initiatives-map-title"' in svg
    text_list = html[html.index('class="initiatives-region-links"') :]
    assert 'href="/en/initiatives/varmland/"' in text_list
    assert "https://" not in svg and "http://" not in svg.replace("http://www.w3.org", "")
    assert ' style="' not in html


def test_overview_sets_no_cookie_and_has_no_form_token(client):
    response = client.get("/initiativ/?region=dalarna")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def cards(html):
    """The initiative titles shown as cards, in order."""
    titles = []
    for chunk in html.split('class="card initiative-card"')[1:]:
        start = chunk.index('<a href="')
        titles.append(chunk[chunk.index(">", start) + 1 : chunk.index("</a>", start)])
    return titles


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=gavleborg", {"Test arena for critical spare parts", "Kompetenskraft Industri NMS"}),
        ("area=skills", {"Kompetenskraft Industri NMS", "Adult training for sawmill operators"}),
        ("status=completed", {"Focus Industry Spets", "Training in service-driven business development"}),
        (
            "region=dalarna&status=completed",
            {"Focus Industry Spets", "Training in service-driven business development"},
        ),
        ("region=varmland&area=low-carbon&status=running", {"Example: Fossil-free process heat in the paper industry"}),
    ],
)
def test_each_filter_narrows_the_list(client, query, expected):
    shown = set(cards(html_of(client.get(f"/en/initiatives/?{query}"))))
    assert expected <= shown
    everything = set(cards(html_of(client.get("/en/initiatives/"))))
    assert shown < everything
    if query == "region=gavleborg":
        assert "Focus Industry Spets" not in shown


def test_filter_counts_respect_the_other_active_filters(client):
    html = html_of(client.get("/en/initiatives/?region=dalarna"))
    facet = html[html.index('id="facet-status"') :]
    facet = facet[: facet.index("</ul>")]
    assert "?region=dalarna&amp;status=completed" in facet
    assert "Completed" in facet and "(2)" in facet  # Dalarna's completed ones only
    assert "(1)" in facet  # Dalarna: one running, one planned
    region_facet = html[html.index('id="facet-region"') : html.index('id="facet-area"')]
    assert "(4)" in region_facet  # each region's count, unaffected by the region filter itself


def test_active_filters_can_be_removed_and_cleared(client):
    html = html_of(client.get("/en/initiatives/?region=varmland&status=running"))
    assert 'href="?status=running"' in html  # remove the region filter
    assert 'href="?region=varmland"' in html  # remove the status filter
    assert "Clear all filters" in html and 'href="/en/initiatives/"' in html
    assert "3 initiatives" in html


@pytest.mark.parametrize(
    "query",
    [
        "region=atlantis",
        "area=%00",
        "status=cancelled",
        "region=&area=&status=",
        "region=dalarna&region=nowhere",
        "region[]=dalarna",
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999999999999",
        "status=%ff%fe",
        "a=b&&&=&region",
    ],
)
def test_bad_parameters_never_give_a_server_error(client, query):
    for base in ("/initiativ/", "/en/initiatives/", "/initiativ/data/json/", "/en/initiatives/data/csv/"):
        response = client.get(f"{base}?{query}")
        # A NUL byte is refused by the request guard (400) before the view; the rest are read leniently.
        assert response.status_code in (200, 400, 404), (base, query, response.status_code)


def test_unknown_filter_value_is_a_404_that_shows_the_unfiltered_list_with_a_notice(client):
    response = client.get("/en/initiatives/?region=atlantis")
    assert response.status_code == 404
    html = response.content.decode()
    assert "The filter “Region: atlantis” does not exist." in html
    assert "12 initiatives" in html
    kept = client.get("/en/initiatives/?region=atlantis&status=planned")
    assert kept.status_code == 404
    assert "3 initiatives" in kept.content.decode()  # the valid filter still applies


def test_a_page_number_beyond_the_list_is_a_404(client):
    assert client.get("/initiativ/?page=2").status_code == 404
    assert client.get("/initiativ/?page=x").status_code == 404


def test_open_data_with_an_unknown_filter_is_a_404_like_the_overview(client):
    """Deliberate: it used to answer every initiative and list the filter under `ignored_filters`."""
    for address in ("/initiativ/data/json/?area=atlantis", "/en/initiatives/data/csv/?status=cancelled"):
        assert client.get(address).status_code == 404
    assert client.get("/initiativ/data/json/?utm_source=x").status_code == 200


def test_overview_paginates(client, region_pages):
    for n in range(14):
        add_initiative(region_pages["dalarna"], n)
    first = html_of(client.get("/en/initiatives/"))
    second = html_of(client.get("/en/initiatives/?page=2"))
    third = html_of(client.get("/en/initiatives/?page=3"))
    assert (len(cards(first)), len(cards(second)), len(cards(third))) == (12, 12, 2)
    assert not set(cards(first)) & set(cards(second))
    assert 'rel="next"' in first and "26 initiatives" in first


def test_language_switch_keeps_the_filters(client):
    html = html_of(client.get("/en/initiatives/?region=dalarna&status=running"))
    assert 'href="/initiativ/?region=dalarna&amp;status=running"' in html


def test_region_page_in_both_languages_shows_its_own_initiatives_and_other_apps_sections(client, region_pages):
    sv = html_of(client.get("/initiativ/gavleborg/"))
    en = html_of(client.get("/en/initiatives/gavleborg/"))
    assert "Specialstål, massa och papper" in sv
    assert "Speciality steel, pulp and paper" in en
    shown = set(cards(en))
    assert shown == {
        "Test arena for critical spare parts",
        "Kompetenskraft Industri NMS",
        "Example: Export boost for suppliers",
        "Example: Climate step for the engineering industry",
    }
    assert 'href="/en/initiatives/?region=gavleborg"' in en
    assert "Success stories" in en or "success stories" in en  # the stories app's section for the region
    assert "Resources in the toolbox" in en  # the toolbox's section for the region
    assert en.count('class="card initiative-card"') == 4  # our own section is not repeated


def test_initiative_page_in_both_languages_with_facts(client, samples):
    page = samples["gavleborg"]
    sv = html_of(client.get(url_of(page, "sv")))
    en = html_of(client.get(url_of(page, "en")))
    assert url_of(page, "en") == "/en/initiatives/gavleborg/spare-parts-test-arena/"
    assert "Testarena för kritiska reservdelar" in sv
    assert "Test arena for critical spare parts" in en
    assert "Sustainable Steel Region" in en
    assert 'href="/en/initiatives/gavleborg/"' in en
    assert 'href="/en/initiatives/?area=supply-chains"' in en
    assert "Running" in en and "Pågår" in sv  # no dates in the sources: the status an editor set
    assert 'href="/initiativ/gavleborg/testarena-reservdelar/"' in en  # language switch to the Swedish twin


def test_unknown_or_unpublished_initiative_is_a_404(client, samples):
    assert client.get("/initiativ/dalarna/finns-inte/").status_code == 404
    assert client.get("/initiativ/atlantis/").status_code == 404
    page = samples["varmland"]
    url = url_of(page, "en")
    page.unpublish()
    assert client.get(url).status_code == 404
    assert "Adult training for sawmill operators" not in html_of(client.get("/en/initiatives/"))


# --- Model rules ------------------------------------------------------------------------------


def test_end_date_before_start_date_is_refused_with_a_clear_message(samples):
    page = samples["dalarna"]
    page.start_date = datetime.date(2025, 5, 1)
    page.end_date = datetime.date(2025, 4, 30)
    for language, message in (
        ("en", "The end date cannot be before the start date."),
        ("sv", "Slutdatumet kan inte vara före startdatumet."),
    ):
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                page.full_clean()
            assert message in error.value.message_dict["end_date"]


def test_region_follows_the_parent_region_page_on_save_and_on_move(region_pages, regions, samples):
    page = add_initiative(region_pages["varmland"], "x")
    assert page.region == regions["varmland"]
    page.region = regions["dalarna"]
    page.save()
    page.refresh_from_db()
    assert page.region == regions["varmland"]
    page.move(region_pages["gavleborg"], pos="last-child")
    page.refresh_from_db()
    assert page.region == regions["gavleborg"]


def test_page_types_declare_their_place_in_the_tree():
    assert InitiativeIndexPage.max_count == 1
    assert InitiativeIndexPage.parent_page_types == ["focus_industry.HomePage"]
    assert RegionPage.parent_page_types == ["initiatives.InitiativeIndexPage"]
    assert InitiativePage.parent_page_types == ["initiatives.RegionPage"]
    assert InitiativePage.subpage_types == []


# --- Open data --------------------------------------------------------------------------------


def test_json_has_both_languages_and_follows_the_filters(client):
    response = client.get("/en/initiatives/data/json/?region=dalarna&status=completed")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content.decode("utf-8"))
    assert data["count"] == 2 and data["filters"] == {"region": "dalarna", "status": "completed"}
    spets = next(item for item in data["initiatives"] if item["title_sv"] == "Focus Industry Spets")
    assert spets["region"] == "dalarna" and spets["region_name_sv"] == "Dalarna"
    assert spets["start_date"] == "2022-02-01" and spets["end_date"] == "2023-10-31"
    assert spets["status"] == "completed" and spets["action_areas"] == ["innovation", "research"]
    # The address the data was asked on, not the Site record's placeholder host (localhost).
    assert spets["url_sv"] == "http://testserver/initiativ/dalarna/focus-industry-spets/"
    assert spets["url_en"] == "http://testserver/en/initiatives/dalarna/focus-industry-spets/"
    assert spets["eu_funded"] is True and spets["contact_email"] == ""
    assert spets["summary_en"].startswith("An EU-funded project")
    everything = json.loads(client.get("/initiativ/data/json/?area=").content)
    assert everything["count"] == 12 and everything["filters"] == {}


def test_csv_is_utf8_with_a_header_row_and_both_languages(client):
    response = client.get("/initiativ/data/csv/?area=skills")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert {row["title_sv"] for row in rows} == {
        "Kompetenskraft Industri NMS",
        "Vuxenutbildning för sågverksoperatörer",
    }
    sawmill = next(row for row in rows if row["region"] == "varmland")
    assert sawmill["title_en"] == "Adult training for sawmill operators"
    assert sawmill["region_name_sv"] == "Värmland" and sawmill["action_areas"] == "skills"
    assert raw.decode("utf-8").splitlines()[0].startswith("id,title_sv,title_en,summary_sv,summary_en,region")


def test_overview_links_to_the_open_data_with_the_current_filters(client):
    html = html_of(client.get("/en/initiatives/?status=planned"))
    assert 'href="/en/initiatives/data/json/?status=planned"' in html
    assert 'href="/en/initiatives/data/csv/?status=planned"' in html


# --- Sections on core pages -------------------------------------------------------------------


def test_home_shows_regional_initiatives_and_links_to_the_region_pages(client):
    html = html_of(client.get("/en/"))
    section = html[html.index('id="section-initiatives-regional"') :]
    section = section[: section.index("</section>")]
    assert "Regional initiatives" in html
    assert len(cards(section)) == 3
    assert "Running" in section and "Completed" not in section  # running ones come first
    for slug in ("dalarna", "gavleborg", "varmland"):
        assert f'href="/en/initiatives/{slug}/"' in section
    assert 'href="/en/initiatives/"' in section


def test_action_area_page_shows_initiatives_tagged_with_it(client, areas):
    from focus_industry.core.models import ActionAreaPage

    page = ActionAreaPage.objects.get(action_area=areas["supply-chains"])
    html = html_of(client.get(url_of(page, "en")))
    assert "Test arena for critical spare parts" in html
    assert 'href="/en/initiatives/?area=supply-chains"' in html
    assert "Adult training for sawmill operators" not in html  # tagged with skills only


def test_tagged_section_for_a_region_elsewhere(rf, regions):
    from focus_industry.core.sections import TAGGED_SECTIONS, collect_sections

    sections = collect_sections(TAGGED_SECTIONS, rf.get("/"), page=None, region=regions["varmland"])
    section = next(section for section in sections if section.key == "initiatives-tagged")
    assert {item.region.slug for item in section.items} == {"varmland"}
    assert section.more_url.endswith("?region=varmland")


# --- Permissions ------------------------------------------------------------------------------

ROLES = {
    "superuser": None,
    "coordinator": "Coordinators",
    "promoter": "Business promoters",
    "staff-dalarna": STAFF["dalarna"],
    "staff-gavleborg": STAFF["gavleborg"],
    "staff-varmland": STAFF["varmland"],
}
ACTIONS = ("create", "edit", "publish", "unpublish", "delete")


def expected(role, region, action):
    """What each role may do to an initiative in `region`: the one policy (tests/security/_policy.py)."""
    from tests.security import _policy as policy

    if role == "superuser":
        return True
    right = "add" if action == "create" else action
    if role.startswith("staff-"):
        return policy.allowed(policy.STAFF, right, "own_region" if role == f"staff-{region}" else "other_region")
    return policy.allowed(policy.COORDINATOR if role == "coordinator" else policy.PROMOTER, right, "other_region")


@pytest.fixture
def user_for(make_user):
    def make(role):
        if role == "superuser":
            return make_user(superuser=True)
        return make_user(ROLES[role])

    return make


def initiative_form(page=None, **overrides):
    """The whole edit form of an initiative, as the admin posts it."""
    data = {
        "title_sv": page.title_sv if page else "Nytt initiativ",
        "title_en": page.title_en if page else "New initiative",
        "slug_sv": page.slug_sv if page else "nytt-initiativ",
        "slug_en": page.slug_en if page else "new-initiative",
        "summary_sv": page.summary_sv if page else "Kort sammanfattning.",
        "summary_en": page.summary_en if page else "Short summary.",
        "status_override": page.status_override if page else "",
        "start_date": "2025-01-01",
        "end_date": "2025-12-31",
        "lead_organisation": "Region",
        "partners_sv": "",
        "partners_en": "",
        "contact_name": "",
        "contact_email": "",
        "link": "",
        "image_alt_sv": "",
        "image_alt_en": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(nested_form_data({"description_sv": streamfield([]), "description_en": streamfield([])}))
    data.update(overrides)
    return data


def is_refusal(response):
    """Wagtail's permission-denied: a redirect to the dashboard (with a message) or a 403."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def state(page):
    """What must not change when an attempt is refused."""
    row = Page.objects.filter(pk=page.pk).values("title_sv", "live", "latest_revision_id", "path").first()
    return row


def attempt(client, action, region_page, page):
    """Do `action` through the admin; return (response, succeeded) judged from the database."""
    if action == "create":
        url = reverse("wagtailadmin_pages:add", args=("initiatives", "initiativepage", region_page.pk))
        response = client.post(url, initiative_form(**{"action-publish": "action-publish"}))
        created = InitiativePage.objects.filter(slug_sv="nytt-initiativ").first()
        return response, created is not None and created.get_parent().pk == region_page.pk
    if action == "edit":
        before = state(page)
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        response = client.post(url, initiative_form(page, title_sv="Ändrad titel"))
        after = state(page)
        latest = InitiativePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        return response, after["latest_revision_id"] != before[
            "latest_revision_id"
        ] and latest.title_sv == "Ändrad titel"
    if action == "publish":
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        response = client.post(url, initiative_form(page, title_sv="Publicerad titel", **{"action-publish": "1"}))
        return response, InitiativePage.objects.get(pk=page.pk).title_sv == "Publicerad titel"
    if action == "unpublish":
        url = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
        response = client.post(url, {})
        return response, not InitiativePage.objects.get(pk=page.pk).live
    if action == "delete":
        url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
        response = client.post(url, {})
        return response, not InitiativePage.objects.filter(pk=page.pk).exists()
    raise AssertionError(action)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("region", ["dalarna", "gavleborg", "varmland"])
@pytest.mark.parametrize("role", list(ROLES))
def test_permission_matrix(client, user_for, region_pages, samples, role, region, action):
    client.force_login(user_for(role))
    page = samples[region]
    before = state(page)
    response, succeeded = attempt(client, action, region_pages[region], page)
    allowed = expected(role, region, action)
    assert succeeded == allowed, (role, region, action, response.status_code)
    if action == "create" and allowed:
        created = InitiativePage.objects.get(slug_sv="nytt-initiativ")
        assert created.live
        assert created.region.slug == region
    if not allowed:
        # Another region's initiative, or a promoter's attempt: the permission-denied response, nothing changed.
        assert is_refusal(response), (response.status_code, response.get("Location"))
        if action != "create":
            assert state(page) == before
        assert not InitiativePage.objects.filter(slug_sv="nytt-initiativ").exists()


def test_business_promoters_cannot_add_or_edit_initiatives(client, make_user, region_pages, samples):
    """Their rights stop outside the regions' subtrees: not even a draft below a region root."""
    client.force_login(make_user("Business promoters"))
    url = reverse("wagtailadmin_pages:add", args=("initiatives", "initiativepage", region_pages["gavleborg"].pk))
    assert is_refusal(client.get(url))
    assert is_refusal(client.post(url, initiative_form()))
    assert not InitiativePage.objects.filter(slug_sv="nytt-initiativ").exists()
    for page in (region_pages["gavleborg"], samples["gavleborg"]):
        assert is_refusal(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))


def test_staff_get_the_edit_url_of_another_regions_initiative_refused(client, make_user, samples):
    client.force_login(make_user(STAFF["dalarna"]))
    for action in ("edit", "delete", "unpublish"):
        response = client.get(reverse(f"wagtailadmin_pages:{action}", args=(samples["varmland"].pk,)))
        assert is_refusal(response), action
    response = client.get(reverse("wagtailadmin_pages:edit", args=(samples["dalarna"].pk,)))
    assert response.status_code == 200


def test_a_forged_region_field_is_ignored(client, make_user, region_pages, regions):
    client.force_login(make_user(STAFF["dalarna"]))
    url = reverse("wagtailadmin_pages:add", args=("initiatives", "initiativepage", region_pages["dalarna"].pk))
    data = initiative_form(region=str(regions["varmland"].pk), **{"action-publish": "action-publish"})
    response = client.post(url, data)
    assert response.status_code == 302
    page = InitiativePage.objects.get(slug_sv="nytt-initiativ")
    assert page.live and page.region == regions["dalarna"]
    assert page.get_latest_revision_as_object().region == regions["dalarna"]
    # Editing it with a forged region changes nothing either.
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit, initiative_form(page, region=str(regions["gavleborg"].pk), **{"action-publish": "1"}))
    page.refresh_from_db()
    assert page.region == regions["dalarna"]
    assert "region" not in client.get(edit).context["form"].fields


def test_edit_form_refuses_an_end_date_before_the_start_date(client, make_user, samples):
    client.force_login(make_user(STAFF["dalarna"]))
    page = samples["dalarna"]
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(url, initiative_form(page, start_date="2025-05-01", end_date="2025-04-01"))
    assert response.status_code == 200
    with translation.override("en"):  # the message is lazy: read it in the language it is shown in
        assert "The end date cannot be before the start date." in str(response.context["form"].errors)
    assert InitiativePage.objects.get(pk=page.pk).latest_revision_id == page.latest_revision_id


def test_staff_cannot_move_initiatives_across_regions(client, make_user, region_pages, samples):
    client.force_login(make_user(STAFF["dalarna"]))
    own, other = samples["dalarna"], samples["varmland"]
    for page, destination in ((own, region_pages["gavleborg"]), (other, region_pages["dalarna"])):
        before = state(page)
        url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
        response = client.post(url, {})
        assert is_refusal(response)
        assert state(page) == before
    assert InitiativePage.objects.get(pk=own.pk).get_parent().pk == region_pages["dalarna"].pk
    assert InitiativePage.objects.get(pk=other.pk).get_parent().pk == region_pages["varmland"].pk


@pytest.mark.parametrize("bulk_action", ["delete", "unpublish", "publish"])
def test_bulk_actions_skip_another_regions_initiatives(client, make_user, samples, bulk_action):
    client.force_login(make_user(STAFF["dalarna"]))
    other = samples["varmland"]
    if bulk_action == "publish":
        other.save_revision()  # a draft waiting to be published
    before = state(other)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", bulk_action)) + f"?id={other.pk}"
    client.post(url, {})
    assert state(other) == before
    assert InitiativePage.objects.filter(pk=other.pk, live=True).exists()


def test_bulk_delete_works_on_the_own_region(client, make_user, samples):
    client.force_login(make_user(STAFF["gavleborg"]))
    own = samples["gavleborg"]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={own.pk}"
    client.post(url, {})
    assert not InitiativePage.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("action", ["delete", "move"])
def test_regional_staff_cannot_delete_or_move_their_region_page(client, make_user, index_page, region_pages, action):
    client.force_login(make_user(STAFF["dalarna"]))
    page = region_pages["dalarna"]
    before = state(page)
    if action == "delete":
        response = client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)), {})
    else:
        target = region_pages["gavleborg"]
        response = client.post(reverse("wagtailadmin_pages:move_confirm", args=(page.pk, target.pk)), {})
    assert is_refusal(response)
    assert state(page) == before


def test_regional_staff_may_edit_their_region_page_but_not_its_region(client, make_user, region_pages, regions):
    client.force_login(make_user(STAFF["dalarna"]))
    page = region_pages["dalarna"]
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = client.get(url).context["form"]
    assert form.fields["region"].disabled
    other = region_pages["varmland"]
    assert is_refusal(client.get(reverse("wagtailadmin_pages:edit", args=(other.pk,))))


def test_admin_listings_show_regional_staff_only_their_region(client, make_user, index_page, region_pages, samples):
    client.force_login(make_user(STAFF["dalarna"]))
    response = client.get(reverse("wagtailadmin_explore", args=(index_page.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtailadmin_explore", args=(region_pages["dalarna"].pk,)) in html
    for other in ("gavleborg", "varmland"):
        assert reverse("wagtailadmin_explore", args=(region_pages[other].pk,)) not in html
        assert reverse("wagtailadmin_pages:edit", args=(region_pages[other].pk,)) not in html
    own = client.get(reverse("wagtailadmin_explore", args=(region_pages["dalarna"].pk,))).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=(samples["dalarna"].pk,)) in own
    other_listing = client.get(reverse("wagtailadmin_explore", args=(region_pages["varmland"].pk,)))
    assert (
        is_refusal(other_listing)
        or reverse("wagtailadmin_pages:edit", args=(samples["varmland"].pk,)) not in other_listing.content.decode()
    )


# --- Query counts -----------------------------------------------------------------------------

URLS = {
    "/initiativ/": 15,
    "/en/initiatives/?region=dalarna&area=innovation&status=running": 15,
    "/en/initiatives/dalarna/": 15,  # the stories' and the toolbox's sections included
    "/initiativ/dalarna/focus-industry-spets/": 15,
    "/en/initiatives/data/json/?region=dalarna": 15,
    "/initiativ/data/csv/": 15,
}


def measure(client):
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_initiatives(client, region_pages, areas):
    for url in URLS:
        client.get(url)  # warm the per-process caches (taxonomy, addresses)
    before = measure(client)
    for n in range(40):
        add_initiative(
            region_pages["dalarna"],
            n,
            action_areas=[areas["innovation"], areas["skills"]],
            status_override=Status.RUNNING if n % 2 else Status.PLANNED,
        )
    for url in URLS:
        client.get(url)
    after = measure(client)
    assert after == before, (before, after)
    for url, budget in URLS.items():
        assert after[url] <= budget, (url, after[url])


# --- Status follows the dates -------------------------------------------------------------------


def test_status_follows_the_dates_unless_an_editor_overrides_it(client, region_pages):
    today = datetime.date.today()
    day = datetime.timedelta(days=1)
    cases = {
        "planned": {"start_date": today + 30 * day, "end_date": today + 300 * day},
        "completed": {"start_date": today - 300 * day, "end_date": today - day},
        "running": {"start_date": today - 30 * day, "end_date": today + 30 * day},
        # The dates say running, the editor says completed (it stopped early): the editor wins.
        "overridden": {"start_date": today - 30 * day, "end_date": today + 30 * day, "status_override": "completed"},
    }
    pages = {
        name: add_initiative(region_pages["varmland"], f"status-{name}", **fields) for name, fields in cases.items()
    }
    expected = {"planned": "planned", "completed": "completed", "running": "running", "overridden": "completed"}
    labels = {
        "planned": ("Planerat", "Planned"),
        "running": ("Pågår", "Running"),
        "completed": ("Avslutat", "Completed"),
    }
    data = json.loads(client.get("/en/initiatives/data/json/?region=varmland").content)
    in_data = {item["id"]: item["status"] for item in data["initiatives"]}
    for name, page in pages.items():
        status = expected[name]
        sv = html_of(client.get(url_of(page, "sv")))
        en = html_of(client.get(url_of(page, "en")))
        assert f"<dd>{labels[status][0]}</dd>" in sv and f"<dd>{labels[status][1]}</dd>" in en, name
        assert in_data[page.pk] == status, name  # the open data shows the same status
        for other in {"planned", "running", "completed"} - {status}:
            listed = cards(html_of(client.get(f"/en/initiatives/?region=varmland&status={other}")))
            assert f"Extra initiative status-{name}" not in listed, (name, other)
        listed = cards(html_of(client.get(f"/en/initiatives/?region=varmland&status={status}")))
        assert f"Extra initiative status-{name}" in listed, name


def test_the_status_field_explains_itself_in_both_languages():
    field = InitiativePage._meta.get_field("status_override")
    with translation.override("sv"):
        assert str(field.help_text).startswith("Lämna tomt så följer statusen datumen")
        assert str(dict(field.choices)[""]) == "Automatiskt: följer datumen"
    with translation.override("en"):
        assert str(field.help_text).startswith("Leave empty and the status follows the dates")


def test_migration_lets_the_dates_decide_and_keeps_a_status_without_dates(region_pages):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("initiatives.migrations.0002_status_follows_dates")
    dated = add_initiative(
        region_pages["dalarna"], "dated", status_override="running", start_date=None, end_date=datetime.date(2020, 1, 1)
    )
    undated = add_initiative(region_pages["dalarna"], "undated", status_override="completed", start_date=None)
    migration.status_to_override(apps, None)
    dated.refresh_from_db()
    undated.refresh_from_db()
    assert dated.status_override == "" and dated.status == "completed"
    assert undated.status_override == "completed"
    assert dated.get_latest_revision().content["status_override"] == ""
    assert undated.get_latest_revision().content["status_override"] == "completed"


def test_eu_emblem_only_where_the_content_says_eu_funded(client):
    spets = html_of(client.get("/en/initiatives/dalarna/focus-industry-spets/"))
    assert 'src="/static/img/eu-emblem.svg"' in spets and "Co-funded by the European Union" in spets
    assert "Medfinansieras av Europeiska unionen" in html_of(client.get("/initiativ/dalarna/focus-industry-spets/"))
    assert InitiativePage.objects.filter(eu_funded=True).count() == 1
    other = html_of(client.get("/en/initiatives/gavleborg/spare-parts-test-arena/"))
    assert "eu-emblem" not in other


def test_no_initiative_shows_an_invented_contact_or_names_a_real_organisation_as_an_examples_lead(client):
    for page in InitiativePage.objects.live():
        assert "example.org" not in page.contact_email
        if page.title_en.startswith("Example:"):
            assert not page.lead_organisation and not page.contact_email and not page.partners_en
    json_text = client.get("/initiativ/data/json/").content.decode()
    assert "example.org" not in json_text and "localhost" not in json_text
