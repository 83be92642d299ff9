"""Every public page type, in both languages, is valid HTML according to the Nu HTML Checker (vnu.jar).

vnu.jar comes from npm (`bin/install-vnu`, run by `make install`) and runs on Java; all pages go through
one Java start, because that start is the slow part. Without npm or Java the test skips locally and
fails in CI.
"""

import json
import os
import shutil
import subprocess

import pytest

from tests.e2e.conftest import ROOT
from tests.e2e.site_pages import LANGUAGES, PAGE_TYPES, fetch

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command():
    problem = None
    if shutil.which("java") is None:
        problem = "Java is missing (apt-get install default-jre-headless)"
    elif not VNU_JAR.exists():
        result = subprocess.run([str(ROOT / "bin" / "install-vnu")], capture_output=True, text=True, check=False)
        if result.returncode != 0 or not VNU_JAR.exists():
            problem = f"the Nu HTML Checker could not be installed: {result.stdout}{result.stderr}".strip()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"The Nu HTML Checker is required in CI: {problem}")
        pytest.skip(f"No Nu HTML Checker: {problem}")
    return ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def test_every_page_type_is_valid_html(e2e_server_paged, tmp_path):
    command = vnu_command()
    files = []
    for name, paths in PAGE_TYPES.items():
        for language, path in zip(LANGUAGES, paths[:2], strict=True):
            status, body = fetch(e2e_server_paged["url"] + path)
            assert status == paths[2], f"{path} answered {status}"
            file = tmp_path / f"{name}-{language}.html"
            file.write_bytes(body)
            files.append(file)
    # A broken document proves the checker really looks (and that its answer is read correctly).
    broken = tmp_path / "zz-broken-on-purpose.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p><div id="a" id="a"></p>')
    result = subprocess.run([*command, *map(str, files), str(broken)], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = {}
    for message in messages:
        file = message.get("url", "").rsplit("/", 1)[-1]
        errors.setdefault(file, []).append(f"line {message.get('lastLine')}: {message['message']}")
    assert errors.pop(broken.name, None), "vnu found nothing wrong in a broken document"
    assert errors == {}
