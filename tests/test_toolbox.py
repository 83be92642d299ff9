"""The toolbox: listing and filters, resource pages, downloads, privacy, upload checks, region scoping."""

import datetime
import re

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from tests import factories
from toolbox.demo import make_pdf
from toolbox.models import Kind, ResourcePage, ToolboxPage, ToolboxRegionPage, download_label

pytestmark = pytest.mark.django_db

Document = get_document_model()

STAFF_DALARNA = "Regional staff: Dalarna"
STAFF_GAVLEBORG = "Regional staff: Gävleborg"
INTERNAL_TITLE_SV = "Internt: arbetsplan för regionala samordnare (exempel)"
INTERNAL_TITLE_EN = "Internal: work plan for regional coordinators (example)"


@pytest.fixture
def toolbox():
    return ToolboxPage.objects.get()


@pytest.fixture
def folders():
    return {folder.region.slug: folder for folder in ToolboxRegionPage.objects.select_related("region")}


@pytest.fixture
def internal():
    return ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")


def url_of(page, language="sv"):
    with translation.override(language):
        return page.get_url()


def titles(response):
    """Titles of the resource cards in a listing, in order."""
    html = response.content.decode()
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]+)</a>', html)


def make_document(title="Test file", filename="test.pdf", data=None, collection=None, size=None):
    doc = Document(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save(filename, ContentFile(data or make_pdf(title, ["Hello"])), save=False)
    doc._set_document_file_metadata()
    if size is not None:
        doc.file_size = size
    doc.save()
    return doc


def add_resource(parent, n, **fields):
    names = {
        "title_sv": f"Resurs {n}",
        "title_en": f"Resource {n}",
        "slug_sv": f"resurs-{n}",
        "slug_en": f"resource-{n}",
    }
    return factories.resource(parent, **{**names, **fields})


# --- Listing and filters ----------------------------------------------------------------------


def test_toolbox_has_translated_addresses_and_lists_public_resources_in_both_languages(client, toolbox):
    assert url_of(toolbox, "sv") == "/verktygslada/"
    assert url_of(toolbox, "en") == "/en/toolbox/"
    sv = client.get("/verktygslada/")
    en = client.get("/en/toolbox/")
    assert sv.status_code == en.status_code == 200
    assert "Kom igång med tjänstedesign i tillverkande företag (exempel)" in titles(sv)
    assert "Getting started with service design in manufacturing (example)" in titles(en)
    public_count = ResourcePage.objects.live().public().count()
    assert len(titles(sv)) == public_count == 10


def test_internal_resource_is_hidden_from_anonymous_visitors_everywhere(client, internal):
    assert INTERNAL_TITLE_SV not in client.get("/verktygslada/").content.decode()
    assert INTERNAL_TITLE_EN not in client.get("/en/toolbox/").content.decode()
    assert INTERNAL_TITLE_SV not in client.get("/verktygslada/dalarna/").content.decode()
    assert INTERNAL_TITLE_SV not in client.get("/").content.decode()
    search = client.get(reverse("search"), {"q": "arbetsplan"})
    assert search.status_code == 200 and INTERNAL_TITLE_SV not in search.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "verktygslada/dalarna/" in sitemap and "intern-arbetsplan" not in sitemap
    page = client.get(url_of(internal))
    assert page.status_code == 302 and "login" in page["Location"]


def test_internal_resource_is_private_with_wagtails_own_group_restriction(internal):
    restriction = PageViewRestriction.objects.get(page=internal)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    names = set(restriction.groups.values_list("name", flat=True))
    assert {"Coordinators", "Business promoters", STAFF_DALARNA, STAFF_GAVLEBORG, "Regional staff: Värmland"} == names
    # Its file is in Dalarna's internal collection, restricted to the same groups.
    assert internal.document.collection.name == "Dalarna – intern"
    assert internal.document.collection.get_parent().name == "Dalarna"


def test_staff_see_the_internal_resource_marked_as_internal(client, make_user, internal):
    client.force_login(make_user(STAFF_GAVLEBORG))
    listing = client.get("/en/toolbox/").content.decode()
    assert INTERNAL_TITLE_EN in listing
    assert '<span class="toolbox-internal">Internal</span>' in listing
    assert client.get(url_of(internal)).status_code == 200


def test_a_logged_in_user_without_a_staff_role_does_not_see_internal_resources(client, make_user, internal):
    client.force_login(make_user())
    assert INTERNAL_TITLE_SV not in client.get("/verktygslada/").content.decode()
    assert client.get(url_of(internal)).status_code == 302


def test_filter_by_kind_narrows_the_list(client):
    response = client.get("/en/toolbox/", {"kind": "funding"})
    assert response.status_code == 200
    found = titles(response)
    assert sorted(found) == sorted(
        ["Vinnova: calls for innovation projects", "Tillväxtverket: support for small businesses"]
    )
    assert 'aria-current="true"' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"area": "skills"},
            {"Template: skills needs analysis (example)", "Swedish ESF Council: funding for skills development"},
        ),
        ({"region": "varmland", "kind": "guide"}, {"Checklist for exporting to new markets (example)"}),
        (
            {"lang": "en"},
            {"Checklist for exporting to new markets (example)", "Mapping of critical components (example)"},
        ),
        (
            {"audience": "promoters", "area": "innovation"},
            {
                "Getting started with service design in manufacturing (example)",
                "Vinnova: calls for innovation projects",
                "Infographic: 95 per cent of firms are small or medium-sized",
            },
        ),
    ],
)
def test_each_filter_narrows_the_list(client, params, expected):
    response = client.get("/en/toolbox/", params)
    assert set(titles(response)) == expected


def test_filter_counts_respect_the_other_active_filters(client):
    html = client.get("/en/toolbox/", {"region": "dalarna"}).content.decode()
    # Dalarna: 2 own public resources (guide, template) + 5 shared tagged with all regions.
    assert re.search(r"kind=guide[^\"]*\"[^>]*>Guide <span class=\"listing-count\">\(1\)", html)
    assert re.search(r"kind=funding[^\"]*\"[^>]*>Funding <span class=\"listing-count\">\(2\)", html)
    # Within the region facet itself the other regions keep their own counts (not narrowed by region).
    assert re.search(r"region=varmland\"[^>]*>Värmland <span class=\"listing-count\">\(6\)", html)
    assert "7 resources" in html


def test_active_filters_can_be_removed_and_cleared(client):
    html = client.get("/en/toolbox/", {"kind": "report", "lang": "sv"}).content.decode()
    assert "Type: Report" in html and "Language of the resource: Swedish" in html
    assert 'href="?lang=sv"' in html  # removing the type keeps the language
    assert 'href="?kind=report"' in html
    assert ">Clear all filters</a>" in html


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("kind=nonsense", 404),
        ("area=not-an-area&kind=guide", 404),
        ("region=%ff%fe", 404),
        ("lang=xx&audience=aliens", 404),
        ("page=abc", 404),
        ("page=-1", 404),
        ("page=99999", 404),
        ("page=1e9", 404),
        ("kind=guide&kind=", 200),
        ("kind[]=guide", 200),
        ("%zz=1", 200),
        ("kind=" + "x" * 3000, 404),
    ],
)
def test_bad_parameters_never_give_a_server_error(client, query, status):
    """A value that does not exist is a 404 that still shows a list (focus_industry/core/listing.py)."""
    response = client.get(f"/en/toolbox/?{query}")
    assert response.status_code == status
    assert titles(response)  # falls back to a list, never empty because of a bad value


def test_unknown_filter_value_shows_the_unfiltered_list_with_a_notice(client):
    all_titles = titles(client.get("/en/toolbox/"))
    response = client.get("/en/toolbox/", {"kind": "nonsense"})
    assert response.status_code == 404
    assert titles(response) == all_titles
    assert "The filter “Type: nonsense” does not exist." in response.content.decode()


def test_unknown_value_of_one_filter_keeps_the_other_filters(client):
    response = client.get("/en/toolbox/", {"kind": "funding", "area": "nope"})
    assert response.status_code == 404
    assert len(titles(response)) == 2


def test_listing_paginates(client, toolbox):
    for n in range(16):
        add_resource(toolbox, n)
    first = client.get("/en/toolbox/")
    assert len(titles(first)) == 12
    assert 'rel="next"' in first.content.decode()
    second = client.get("/en/toolbox/", {"page": 2})
    last = client.get("/en/toolbox/", {"page": 3})
    assert len(titles(second)) == 12 and len(titles(last)) == 26 - 24
    assert not set(titles(first)) & set(titles(second))
    # Deliberate: past the end is a 404 like in every listing (it was the last page), showing the first page.
    past = client.get("/en/toolbox/", {"page": 50})
    assert past.status_code == 404 and titles(past) == titles(first)
    assert "The list has no page “50”." in past.content.decode()


def test_a_filter_value_with_nothing_to_show_is_listed_but_not_a_link(client):
    """Deliberate: the toolbox shows every value of a facet like the other listings (it hid the empty ones)."""
    html = client.get("/en/toolbox/", {"kind": "funding"}).content.decode()
    facet = html[html.index('id="facet-lang"') :]
    facet = facet[: facet.index("</ul>")]
    assert '<span class="listing-option--empty">English <span class="listing-count">(0)</span></span>' in facet
    assert "?kind=funding&amp;lang=en" not in html


def test_language_switch_keeps_the_filters(client):
    html = client.get("/verktygslada/", {"kind": "guide"}).content.decode()
    assert 'href="/en/toolbox/?kind=guide"' in html


def test_region_folder_page_leads_to_the_toolbox_filtered_by_its_region(client, folders):
    response = client.get("/en/toolbox/gavleborg/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Gävleborg</h1>" in html
    assert 'href="/en/toolbox/?region=gavleborg"' in html
    assert 'href="/verktygslada/?region=gavleborg"' in client.get("/verktygslada/gavleborg/").content.decode()
    found = set(titles(client.get("/en/toolbox/?region=gavleborg")))
    assert "Mapping of critical components (example)" in found
    assert "Getting started with service design in manufacturing (example)" not in found
    assert "Vinnova: calls for innovation projects" in found  # shared, tagged with every region


def test_unknown_resource_or_folder_slug_is_a_404(client):
    assert client.get("/en/toolbox/no-such-resource/").status_code == 404
    assert client.get("/en/toolbox/dalarna/no-such-resource/").status_code == 404
    assert client.get("/en/toolbox/nowhere/no-such-resource/").status_code == 404
    assert client.get("/en/toolbox/kom-igang-med-tjanstedesign/").status_code == 404  # a Swedish slug in English


def test_unpublished_resource_is_not_served(client):
    page = ResourcePage.objects.get(slug_sv="checklista-export")
    page.unpublish()
    assert client.get("/en/toolbox/varmland/export-checklist/").status_code == 404


# --- Resource pages ---------------------------------------------------------------------------


def test_resource_page_in_both_languages_with_download_metadata_and_tags(client):
    page = ResourcePage.objects.get(slug_sv="kom-igang-med-tjanstedesign")
    sv = client.get("/verktygslada/dalarna/kom-igang-med-tjanstedesign/")
    en = client.get("/en/toolbox/dalarna/getting-started-with-service-design/")
    assert sv.status_code == en.status_code == 200
    html = en.content.decode()
    assert "<h1>Getting started with service design in manufacturing (example)</h1>" in html
    assert f'href="{page.document.url}"' in html
    assert "(PDF, " in html
    assert 'href="/en/toolbox/?area=innovation"' in html
    assert 'href="/en/toolbox/?region=dalarna"' in html


def test_video_resource_uses_the_click_to_load_player(client, toolbox):
    from tests.films import TEST_FILM_URL

    add_resource(toolbox, "film", kind=Kind.VIDEO, external_url="", video_url=TEST_FILM_URL)
    html = client.get("/en/toolbox/resource-film/").content.decode()
    assert "data-video" in html and "data-embed-src=" in html
    assert "<iframe" not in html  # nothing is loaded from YouTube before the click


def test_link_resource_says_it_leads_to_another_website(client):
    html = client.get("/en/toolbox/vinnova-calls/").content.decode()
    assert 'href="https://www.vinnova.se/sok-finansiering/"' in html
    assert "vinnova.se" in html


def test_exactly_one_of_file_link_or_film(toolbox):
    from django.core.exceptions import ValidationError

    translation.activate("en")
    page = ResourcePage(title="x", slug="x", description="x", external_url="https://example.org/", video_url="")
    page.video_url = "https://www.youtube.com/watch?v=FocusIndust"
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "exactly one" in str(error.value)
    page.external_url = page.video_url = ""
    with pytest.raises(ValidationError):
        page.clean()
    page.video_url = "https://example.org/film"
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "YouTube or Vimeo" in str(error.value)


# --- File type and size labels ----------------------------------------------------------------


def test_download_label_follows_the_language():
    doc = make_document(size=int(1.2 * 1024 * 1024))
    with translation.override("en"):
        assert download_label(doc) == "PDF, 1.2\xa0MB"
    with translation.override("sv"):
        assert download_label(doc) == "PDF, 1,2\xa0MB"


def test_download_label_is_shown_on_the_pages_in_each_language(client):
    page = ResourcePage.objects.get(slug_sv="lagesrapport-industrins-omstallning-2025")
    Document.objects.filter(pk=page.document_id).update(file_size=int(2.5 * 1024 * 1024))
    assert "(PDF, 2.5\xa0MB)" in client.get(url_of(page, "en")).content.decode()
    assert "(PDF, 2,5\xa0MB)" in client.get(url_of(page, "sv")).content.decode()
    assert "PDF, 2,5\xa0MB" in client.get("/verktygslada/").content.decode()


def test_csv_label():
    page = ResourcePage.objects.get(slug_sv="mall-kompetensbehovsanalys")
    with translation.override("en"):
        # A small file is "1.0 KB", not a count of bytes.
        assert page.download_label == "CSV, 1.0\xa0KB"
    with translation.override("sv"):
        assert page.download_label == "CSV, 1,0\xa0kB"


# --- Downloads --------------------------------------------------------------------------------


def test_download_headers(client):
    page = ResourcePage.objects.get(slug_sv="kom-igang-med-tjanstedesign")
    response = client.get(page.document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="exempel-guide-tjanstedesign.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in response  # Wagtail's own view sends "None"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_csv_download_headers(client):
    page = ResourcePage.objects.get(slug_sv="mall-kompetensbehovsanalys")
    response = client.get(page.document.url)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="exempel-mall-kompetensbehovsanalys.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_anonymous_download_of_an_internal_document_is_refused_by_url_and_by_id(client, internal):
    doc = internal.document
    by_url = client.get(doc.url)
    assert by_url.status_code == 302 and "login" in by_url["Location"]
    assert client.get(f"/documents/{doc.pk}/guessed-name.pdf").status_code == 404
    assert client.get(f"/documents/{doc.pk}/").status_code == 404
    # The stored file itself is not reachable under /media/ either.
    assert client.get(f"/media/{doc.file.name}").status_code == 404


def test_internal_document_refused_to_a_user_without_a_staff_role(client, make_user, internal):
    client.force_login(make_user())
    assert client.get(internal.document.url).status_code == 302


@pytest.mark.parametrize("group", [STAFF_GAVLEBORG, "Coordinators", "Business promoters"])
def test_staff_can_download_an_internal_document(client, make_user, internal, group):
    client.force_login(make_user(group))
    response = client.get(internal.document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="exempel-intern-arbetsplan-samordnare.pdf"'


def test_a_resource_made_internal_makes_the_page_private_but_never_moves_its_file(client, folders):
    doc = make_document(collection=Collection.objects.get(name="Dalarna"), filename="plan.pdf")
    page = add_resource(folders["dalarna"], "p", external_url="", document=doc)
    assert client.get(doc.url).status_code == 200
    page.for_companies = page.for_promoters = False
    page.for_staff = True
    page.save_revision()  # a draft makes the page private at once
    doc.refresh_from_db()
    assert doc.collection.name == "Dalarna"
    assert client.get(doc.url).status_code == 200
    assert PageViewRestriction.objects.filter(page=page).exists()
    # Published again for everyone: the page restriction goes; the file never moved.
    page = ResourcePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    page.for_companies = True
    page.save_revision().publish()
    doc.refresh_from_db()
    assert doc.collection.name == "Dalarna"
    assert not PageViewRestriction.objects.filter(page=page).exists()


# --- Upload validation (through the admin) ----------------------------------------------------


def upload(client, name, data, content_type="application/octet-stream"):
    collection = Collection.get_first_root_node()
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, data, content_type=content_type), "collection": collection.pk},
    )


@pytest.fixture
def english_admin(admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


def form_errors(response, language="en"):
    """The file field's errors as the editor reads them (lazy messages are rendered in their language)."""
    from django.utils import translation

    with translation.override(language):
        return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_valid_pdf_upload_is_accepted(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, "ok.pdf", make_pdf("Ok", ["fine"]), "application/pdf")
    assert response.status_code == 302
    assert Document.objects.filter(title="ok.pdf").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.html", b"<!doctype html><html><script>alert(1)</script></html>", "cannot be uploaded"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "cannot be uploaded"),
        ("tool.exe", b"MZ\x90\x00", "cannot be uploaded"),
        ("report.pdf", b"<!doctype html><html><body>not a pdf</body></html>", "does not match its extension"),
        ("sheet.xlsx", b"%PDF-1.4 pretending", "does not match its extension"),
        ("photo.png", b"\xff\xd8\xff\xe0 a jpeg", "does not match its extension"),
        ("data.csv", b"<html><script>alert(1)</script></html>", "does not match its extension"),
        ("data.csv", "namn;värde\n".encode("utf-16"), "UTF-8"),
    ],
)
def test_bad_uploads_are_rejected_with_a_clear_message(client, english_admin, name, data, message):
    client.force_login(english_admin)
    response = upload(client, name, data)
    assert response.status_code == 200
    assert message in form_errors(response)
    assert not Document.objects.filter(title=name).exists()


def test_oversized_upload_is_rejected(client, english_admin, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(english_admin)
    response = upload(client, "big.pdf", make_pdf("Big", ["x" * 80] * 30) + b"0" * 2048, "application/pdf")
    assert response.status_code == 200
    errors = form_errors(response)
    assert "too big" in errors and "1.0\xa0KB" in errors
    assert "extension" not in errors  # one clear message, not a confusing second one
    assert not Document.objects.filter(title="big.pdf").exists()


# --- Region scoping ---------------------------------------------------------------------------


def resource_form(title, slug, **extra):
    data = {
        "title_sv": title,
        "slug_sv": slug,
        "title_en": title + " (en)",
        "slug_en": slug + "-en",
        "description_sv": "Beskrivning",
        "description_en": "Description",
        "kind": "guide",
        "date": "2025-01-01",
        "resource_language": "sv",
        "for_companies": "on",
        "external_url": "https://example.org/guide",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    data.update(extra)
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("toolbox", "resourcepage", parent.pk))


def test_regional_staff_publish_in_their_own_folder_and_a_forged_region_is_overridden(
    client, make_user, folders, regions
):
    client.force_login(make_user(STAFF_DALARNA))
    data = resource_form("Egen guide", "egen-guide", regions=[regions["gavleborg"].pk, regions["varmland"].pk])
    response = client.post(add_url(folders["dalarna"]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = ResourcePage.objects.get(slug_sv="egen-guide")
    assert page.live
    assert [region.slug for region in page.regions.all()] == ["dalarna"]
    latest = page.get_latest_revision_as_object()
    assert [region.slug for region in latest.regions.all()] == ["dalarna"]


def test_regional_staff_cannot_add_to_another_regions_folder_or_the_shared_toolbox(client, make_user, folders, toolbox):
    client.force_login(make_user(STAFF_DALARNA))
    for parent in (folders["gavleborg"], toolbox):
        response = client.post(add_url(parent), resource_form("Fel", f"fel-{parent.pk}"))
        assert response.status_code in (302, 403)
        assert not ResourcePage.objects.filter(slug_sv=f"fel-{parent.pk}").exists()


def test_regional_staff_cannot_edit_or_publish_another_regions_resource(client, make_user):
    other = ResourcePage.objects.get(slug_sv="kartlaggning-kritiska-komponenter")  # Gävleborg
    client.force_login(make_user(STAFF_DALARNA))
    edit_url = reverse("wagtailadmin_pages:edit", args=(other.pk,))
    assert client.get(edit_url).status_code in (302, 403)
    data = resource_form("Kapad", "kapad")
    client.post(edit_url, data)
    other.refresh_from_db()
    assert other.title_sv == "Kartläggning av kritiska komponenter (exempel)"
    assert other.slug_sv == "kartlaggning-kritiska-komponenter"


def test_regions_field_is_fixed_in_a_folder_and_free_in_the_shared_toolbox(client, make_user, folders, toolbox):
    client.force_login(make_user("Coordinators"))
    folder_form = client.get(add_url(folders["varmland"])).context["form"]
    assert folder_form.fields["regions"].disabled
    shared_form = client.get(add_url(toolbox)).context["form"]
    assert not shared_form.fields["regions"].disabled


def test_coordinators_publish_shared_resources_tagged_with_any_regions(client, make_user, toolbox, regions):
    client.force_login(make_user("Coordinators"))
    data = resource_form("Gemensam", "gemensam", regions=[regions["gavleborg"].pk, regions["varmland"].pk])
    assert client.post(add_url(toolbox), data).status_code == 302
    page = ResourcePage.objects.get(slug_sv="gemensam")
    assert page.live and {r.slug for r in page.regions.all()} == {"gavleborg", "varmland"}


def test_business_promoters_may_not_add_resources(client, make_user, toolbox):
    """The toolbox belongs to coordinators and, in their folders, the regions' staff."""
    client.force_login(make_user("Business promoters"))
    response = client.post(add_url(toolbox), resource_form("Främjare", "framjare"))
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    assert not ResourcePage.objects.filter(slug_sv="framjare").exists()


# --- Sections on core pages -------------------------------------------------------------------


def test_home_shows_the_newest_resources_and_links_to_the_toolbox(client, home, toolbox):
    assert home.toolbox_page_id == toolbox.pk
    html = client.get("/en/").content.decode()
    assert "New in the toolbox" in html
    assert "Status report: industrial transformation in North-Middle Sweden 2025 (example)" in html  # newest public one
    assert INTERNAL_TITLE_EN not in html
    assert 'href="/en/toolbox/"' in html


def test_action_area_page_shows_resources_tagged_with_it(client, areas):
    from focus_industry.core.models import ActionAreaPage

    page = ActionAreaPage.objects.get(action_area=areas["skills"])
    html = client.get(url_of(page, "en")).content.decode()
    assert "Resources in the toolbox" in html
    assert "Template: skills needs analysis (example)" in html
    assert 'href="/en/toolbox/?area=skills"' in html


def test_tagged_section_for_a_region(rf, regions):
    from focus_industry.core.sections import TAGGED_SECTIONS, collect_sections

    request = rf.get("/")
    sections = collect_sections(TAGGED_SECTIONS, request, page=None, region=regions["gavleborg"])
    toolbox_section = next(section for section in sections if section.key == "toolbox-tagged")
    slugs = [item.slug_sv for item in toolbox_section.items]
    assert "mall-kompetensbehovsanalys" in slugs  # Gävleborg's own
    assert "kom-igang-med-tjanstedesign" not in slugs  # Dalarna's
    assert "?region=gavleborg" in toolbox_section.more_url


# --- Query counts -----------------------------------------------------------------------------

URLS = [
    "/en/toolbox/",
    "/verktygslada/?kind=guide&area=innovation&region=dalarna",
    "/en/toolbox/?page=1&lang=sv",  # a page number that exists before and after more resources
    "/en/toolbox/dalarna/getting-started-with-service-design/",
    "/verktygslada/vinnova-utlysningar/",
    "/en/toolbox/dalarna/",
]


def test_query_counts_do_not_grow_with_the_number_of_resources(client, toolbox, folders, regions, areas):
    def measure():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        counts = []
        for url in URLS:
            client.get(url)  # warm what a running site has warm (with FOCUS_TEST_CACHES=production: the page)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            counts.append(len(queries))
        return counts

    client.get("/en/toolbox/")  # warm caches that are filled once per process
    before = measure()
    for n in range(40):
        parent = folders["dalarna"] if n % 2 else toolbox
        doc = make_document(title=f"Extra {n}", filename=f"extra-{n}.pdf") if n % 3 == 0 else None
        add_resource(
            parent,
            f"extra-{n}",
            kind=Kind.GUIDE,
            regions=[regions["dalarna"]],
            action_areas=[areas["innovation"]],
            date=datetime.date(2025, 12, 1),
            **({"document": doc, "external_url": ""} if doc else {}),
        )
    after = measure()
    assert after == before, (before, after)
    assert max(after) <= 15, after


def test_listing_query_budget(client, django_assert_max_num_queries):
    client.get("/en/toolbox/")
    for url in URLS:
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("language", ["sv", "en"])
def test_publish_racing_the_autosave_of_a_new_resource_is_a_form_error_that_keeps_the_text(
    client, make_user, folders, language
):
    """Autosave has created the new page (a JSON POST to the add address); "Publicera" still posts the
    add form with the same slugs. The editor gets the form back with an error naming the autosaved page,
    with what they wrote, and no 500 (on PostgreSQL the model's own slug check raised on save)."""
    from wagtail.users.models import UserProfile

    staff = make_user(STAFF_DALARNA)
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = language
    profile.save()
    client.force_login(staff)
    draft = resource_form("Checklista vätgas", "checklista-vatgas")
    draft.pop("action-publish")
    autosaved = client.post(add_url(folders["dalarna"]), draft, headers={"accept": "application/json"})
    assert autosaved.status_code == 200 and autosaved.json()["success"]
    page = ResourcePage.objects.get(pk=autosaved.json()["pk"])

    written = resource_form("Checklista vätgas", "checklista-vatgas", description_sv="Sist skrivna raden.")
    response = client.post(add_url(folders["dalarna"]), written)
    assert response.status_code == 200
    errors = response.context["form"].errors
    taken = {"sv": "Adressen ”checklista-vatgas” är redan upptagen här", "en": "The address “checklista-vatgas”"}
    assert taken[language] in errors["slug_sv"][0]
    assert taken[language].replace("checklista-vatgas", "checklista-vatgas-en") in errors["slug_en"][0]
    content = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in content  # the way to the autosaved page
    assert "Sist skrivna raden." in content  # nothing written is lost
    assert ResourcePage.objects.filter(slug_sv="checklista-vatgas").count() == 1
    assert not ResourcePage.objects.get(pk=page.pk).live
