import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/", "/om-focus-industry/", "/en/about-focus-industry/"])
def test_core_pages_answer(client, url):
    assert client.get(url).status_code == 200
