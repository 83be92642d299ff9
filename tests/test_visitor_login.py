"""The visitors' login (/_util/login/, for restricted pages and files) and the password form of a
password-protected page: in the site's own look, in both languages, accessible, with no third party."""

import re

import pytest

from django.utils import translation

from wagtail.models import PageViewRestriction

from focus_industry.core.models import StandardPage

TEXT = {
    "sv": {"prefix": "", "login": "Logga in", "user": "Användarnamn", "password": "Lösenord",
           "wrong": "Kontrollera det du skrev.", "required": "Lösenord krävs"},
    "en": {"prefix": "/en", "login": "Log in", "user": "Username", "password": "Password",
           "wrong": "Please check what you entered.", "required": "Password required"},
}  # fmt: skip


def _accessible_form(html, *names):
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'class="site-header"' in html and 'id="main-content"' in html  # the site's base template
    for name, autocomplete in names:
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        field_id = re.search(r'id="([^"]+)"', field).group(1)
        assert f'<label for="{field_id}">' in html, name
        assert f'autocomplete="{autocomplete}"' in field, name
    # No third party: everything the page loads, and where its form posts, is on this site (alternates are
    # absolute). Plain links out, such as the regions' own sites in the footer, load nothing.
    assert not re.search(r'(?:src|action)="(?:https?:)?//(?!testserver/)', html)
    assert not re.search(r'<link[^>]*href="(?:https?:)?//(?!testserver/)', html)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_visitors_login_is_in_the_site_look_in_each_language_and_says_what_went_wrong(client, db, language):
    text = TEXT[language]
    url = text["prefix"] + "/_util/login/"
    html = client.get(url + "?next=/").content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<h1>{text['login']}</h1>" in html
    assert f">{text['user']}" in html and f">{text['password']}" in html
    _accessible_form(html, ("username", "username"), ("password", "current-password"))

    response = client.post(url, {"username": "ingen", "password": "fel-losenord", "next": "/"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and text["wrong"] in html
    assert 'value="ingen"' in html  # the name typed is kept
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_password_protected_page_asks_in_the_site_look_in_each_language(client, home, language):
    text = TEXT[language]
    page = StandardPage.objects.get(slug_sv="om-focus-industry")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt-ord")
    with translation.override(language):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{text['required']}</h1>" in html
    _accessible_form(html, ("password", "current-password"))

    action = re.search(r'<form action="([^"]+)" method="post">', html).group(1)
    wrong = client.post(action, {"password": "fel", "return_url": url})
    assert wrong.status_code == 200
    assert 'role="alert"' in wrong.content.decode() and text["wrong"] in wrong.content.decode()
    right = client.post(action, {"password": "hemligt-ord", "return_url": url})
    assert right.status_code == 302
    assert f"<h1>{getattr(page, 'title_' + language)}</h1>" in client.get(url).content.decode()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_password_page_tells_nothing_of_the_page_it_guards(client, db, language):
    from stories.models import StoryPage

    story = StoryPage.objects.live().filter(hero_image__isnull=False).first()
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")
    with translation.override(language):
        url, title, summary = story.get_url(), story.title, story.lead
    html = client.get(url).content.decode()
    assert f"<h1>{TEXT[language]['required']}</h1>" in html
    for secret in (
        title,
        summary[:40],
        "og:image",
        "application/ld+json",
        'name="description"',
        '<link rel="alternate"',
    ):
        assert secret not in html, secret  # the language switch stays: its address is the page's, as the visitor's
    assert '<meta name="robots" content="noindex">' in html
