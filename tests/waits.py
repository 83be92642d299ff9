"""Waiting on a condition, never on time: the one bounded poll the tests outside the browser share
(browser tests wait with Playwright's `expect` and `wait_for_*`)."""

import time


def wait_for(condition, what, seconds=30, every=0.1):
    """Returns as soon as `condition()` is true; fails the test with `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(every)
