"""The test tiers: the slow marker follows the paths and markers of tests/conftest.py, and the README lists
every slow path for a newcomer."""

from types import SimpleNamespace

from tests.conftest import SLOW_PATHS, TESTS, pytest_collection_modifyitems


def tier(relative, markers=()):
    """The markers the collection hook adds to a test at `relative` (below tests/) carrying `markers`."""
    added = []
    item = SimpleNamespace(
        path=TESTS / relative,
        iter_markers=lambda name: iter([name] if name in markers else []),
        add_marker=lambda marker: added.append(marker.name),
    )
    pytest_collection_modifyitems(None, [item])
    return added


def test_the_slow_marker_follows_folders_modules_and_markers():
    assert tier("e2e/test_accessibility.py") == ["slow"]
    assert tier("security/test_outages.py") == ["slow"]
    assert tier("security/test_admin_actions.py") == ["slow"]
    assert tier("security/test_uploads.py") == []
    assert tier("test_stories.py") == []
    assert tier("test_stories.py", markers=["browser"]) == ["slow"]


def test_the_readme_lists_every_slow_path():
    readme = (TESTS.parent / "README.md").read_text()
    missing = [path for path in SLOW_PATHS if f"`tests/{path}`" not in readme]
    assert missing == [], "README.md, section Tests, should list these slow paths"
