"""The adversarial suite: each module is one threat, tried the way an attacker or a curious editor would.

Cases are generated from the page tree, the models and the URL configuration wherever possible, so
that a new page type, field or route is covered without a new test. At the end of a run the number
of cases each threat ran is printed, so a matrix that silently shrank shows up in the output.
"""

from collections import Counter

import pytest

_ran = Counter()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.passed and "tests/security/" in item.nodeid.replace("\\", "/"):
        _ran[item.module.__name__.rsplit(".", 1)[-1]] += 1


def pytest_terminal_summary(terminalreporter):
    if not _ran:
        return
    terminalreporter.write_sep("-", "adversarial suite: cases passed per threat")
    for threat, count in sorted(_ran.items()):
        terminalreporter.write_line(f"{threat}: {count}")
    terminalreporter.write_line(f"total: {sum(_ran.values())}")
