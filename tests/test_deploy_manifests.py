"""The Kubernetes manifests (deploy/k8s) are valid for the API they name, and the VCL compiles."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MANIFESTS = sorted((ROOT / "deploy" / "k8s").glob("*.yaml"))


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda path: path.name)
def test_manifest_passes_strict_schema_validation(manifest):
    validate = shutil.which("kubernetes-validate", path=str(BIN))
    assert validate, "kubernetes-validate comes with the dev dependencies: run make install"
    result = subprocess.run(
        [validate, "--strict", "-k", "1.30.0", str(manifest)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_app_pods_are_several_stateless_replicas_with_readiness_on_readyz():
    documents = list(yaml.safe_load_all((ROOT / "deploy" / "k8s" / "app.yaml").read_text()))
    deployment = next(doc for doc in documents if doc["kind"] == "Deployment")
    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    # Stateless: the only writable places are scratch folders that live and die with the pod (/tmp and the
    # cache that stands in for Redis while it is away).
    scratch = {volume["name"] for volume in deployment["spec"]["template"]["spec"]["volumes"] if "emptyDir" in volume}
    assert {mount["name"] for mount in container["volumeMounts"]} <= scratch
    assert {mount["mountPath"] for mount in container["volumeMounts"]} == {"/tmp", "/app/var/cache"}  # noqa: S108
    config = next(doc for doc in documents if doc["kind"] == "ConfigMap")["data"]
    assert config["AWS_STORAGE_BUCKET_NAME"] and config["FOCUS_FRONTEND_CACHE_URLS"]


@pytest.mark.skipif(not shutil.which("varnishd", path="/usr/sbin:/usr/bin"), reason="varnishd is not installed")
def test_the_vcl_compiles():
    # varnishd compiles as its own unprivileged user: a folder that user can enter (pytest's are private).
    with tempfile.TemporaryDirectory(prefix="focus-vcl-") as workdir:
        Path(workdir).chmod(0o755)
        result = subprocess.run(
            ["varnishd", "-C", "-f", str(ROOT / "deploy" / "varnish" / "default.vcl"), "-n", workdir],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr[-2000:]


YAMLLINT_CONFIG = (
    "{extends: default, rules: {line-length: {max: 240}, document-start: disable, truthy: {check-keys: false}}}"
)


def test_deployment_yaml_passes_yamllint():
    yamllint = shutil.which("yamllint", path=str(BIN))
    assert yamllint, "yamllint comes with the dev dependencies: run make install"
    files = [*MANIFESTS, ROOT / "compose.scale.yaml"]
    result = subprocess.run(
        [yamllint, "--strict", "-d", YAMLLINT_CONFIG, *map(str, files)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_the_pods_probes_get_a_200_under_production_host_and_https_checks(client, settings):
    """The kubelet asks from the pod's IP: its Host must be allowed and it must not be sent to HTTPS."""
    documents = list(yaml.safe_load_all((ROOT / "deploy" / "k8s" / "app.yaml").read_text()))
    container = next(doc for doc in documents if doc["kind"] == "Deployment")["spec"]["template"]["spec"]["containers"][
        0
    ]
    config = next(doc for doc in documents if doc["kind"] == "ConfigMap")["data"]
    settings.ALLOWED_HOSTS = config["DJANGO_ALLOWED_HOSTS"].split(",")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for probe in ("readinessProbe", "livenessProbe"):
        request = container[probe]["httpGet"]
        headers = {header["name"]: header["value"] for header in request.get("httpHeaders", [])}
        response = client.get(
            request["path"],
            headers={name: value for name, value in headers.items() if name != "Host"},
            HTTP_HOST=headers.get("Host", "10.42.0.17:8000"),
            REMOTE_ADDR="10.42.0.1",
        )
        assert response.status_code == 200, (probe, response.status_code)
