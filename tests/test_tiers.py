"""The test tiers: the slow marker follows the paths and markers of tests/conftest.py, and the README lists
every slow path for a newcomer."""

from types import SimpleNamespace

from tests.conftest import MATRIX_PATHS, MATRIX_SAMPLE, SLOW_PATHS, TESTS, pytest_collection_modifyitems


def tiers(relative, names, markers=()):
    """The markers the collection hook adds to each of the tests `names` at `relative` (below tests/)."""
    added = {name: [] for name in names}
    items = [
        SimpleNamespace(
            path=TESTS / relative,
            name=name,
            originalname=name.split("[")[0],
            iter_markers=lambda marker: iter([marker] if marker in markers else []),
            add_marker=lambda marker, name=name: added[name].append(marker.name),
        )
        for name in names
    ]
    pytest_collection_modifyitems(None, items)
    return added


def tier(relative, markers=()):
    """The markers the collection hook adds to one test at `relative` carrying `markers`."""
    return tiers(relative, ["test_x"], markers)["test_x"]


def test_the_slow_marker_follows_folders_modules_and_markers():
    assert tier("e2e/test_accessibility.py") == ["slow"]
    assert tier("security/test_outages.py") == ["slow"]
    assert tier("security/test_uploads.py") == []
    assert tier("test_stories.py") == []
    assert tier("test_stories.py", markers=["browser"]) == ["slow"]


def test_the_readme_lists_every_slow_path():
    readme = (TESTS.parent / "README.md").read_text()
    missing = [path for path in SLOW_PATHS if f"`tests/{path}`" not in readme]
    assert missing == [], "README.md, section Tests, should list these slow paths"


def test_the_fast_tier_tries_a_sample_of_every_matrix_test_and_the_slow_tier_the_rest():
    cases = [f"test_page_action[{n}]" for n in range(3 * MATRIX_SAMPLE)] + ["test_other_action[0]", "test_guide"]
    added = tiers("security/test_admin_actions.py", cases)
    fast = [name for name, markers in added.items() if markers == []]
    assert fast == [
        "test_page_action[0]",
        f"test_page_action[{MATRIX_SAMPLE}]",
        f"test_page_action[{2 * MATRIX_SAMPLE}]",
        "test_other_action[0]",
        "test_guide",
    ]
    assert all(markers in ([], ["slow"]) for markers in added.values())


def test_the_readme_lists_every_matrix():
    readme = (TESTS.parent / "README.md").read_text()
    assert [path for path in MATRIX_PATHS if f"`tests/{path}`" not in readme] == []
