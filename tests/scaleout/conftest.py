"""Session fixtures for the scale-out tests: the real services, started once and stopped at the end."""

import os
import secrets
import shutil

import pytest

from . import infra

EDITOR = ("scaleout-promoter", secrets.token_urlsafe(16))
CREATE_EDITOR = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user = get_user_model().objects.create_user({username!r}, password={password!r})
user.groups.add(*Group.objects.filter(name__in=["Business promoters", "Regional staff: Dalarna"]))
"""


@pytest.fixture(scope="session")
def scaleout_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("scaleout")
    path.chmod(0o755)
    return path


@pytest.fixture(scope="session")
def seaweedfs(scaleout_dir):
    process = infra.start_seaweedfs(scaleout_dir)
    yield process
    process.stop()


@pytest.fixture(scope="session")
def static_root(scaleout_dir):
    env = infra.app_env(scaleout_dir)
    return infra.collectstatic(scaleout_dir, env)


@pytest.fixture(scope="session")
def s3_site(scaleout_dir, seaweedfs, static_root):
    """One app instance (production settings, SQLite) with its media in SeaweedFS, demo content loaded."""
    workdir = scaleout_dir / "single"
    workdir.mkdir()
    env = infra.app_env(
        workdir,
        **infra.s3_env(seaweedfs.endpoint),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        FOCUS_LOAD_DEMO="1",
    )
    infra.manage(env, "ensure_media_bucket")
    app = infra.start_app("app-single", workdir, env)
    infra.manage(env, "shell", "-c", CREATE_EDITOR.format(username=EDITOR[0], password=EDITOR[1]))
    app.env, app.workdir = env, workdir
    yield app
    app.stop()


@pytest.fixture(scope="session")
def cluster(scaleout_dir, seaweedfs, static_root):
    """Two app instances on one PostgreSQL, one Redis and SeaweedFS, behind HAProxy."""
    workdir = scaleout_dir / "cluster"
    workdir.mkdir()
    name = f"fi_scaleout_{os.getpid()}"
    database_url = infra.create_pg_database(name)
    env = infra.app_env(
        workdir,
        **infra.s3_env(seaweedfs.endpoint),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),  # one key for all instances: sessions are signed with it
        DJANGO_STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url,
        REDIS_URL=infra.fresh_redis(),
        FOCUS_LOAD_DEMO="1",
    )
    varnish_port = infra.free_port()
    # The instances purge the edge cache (the varnish fixture listens there) when a page is published.
    env["FOCUS_FRONTEND_CACHE_URLS"] = f"http://127.0.0.1:{varnish_port}"
    infra.manage(env, "ensure_media_bucket")
    started = []
    try:
        a = infra.start_app("app-a", workdir, env)
        started.append(a)
        # Extra replicas skip the migrations and the demo content, as docs/operations.md says.
        b = infra.start_app("app-b", workdir, {**env, "FOCUS_MIGRATE": "0", "FOCUS_LOAD_DEMO": "0"})
        started.append(b)
        infra.manage(env, "shell", "-c", CREATE_EDITOR.format(username=EDITOR[0], password=EDITOR[1]))
        proxy = infra.start_haproxy(workdir, [("a", a.port), ("b", b.port)], infra.health_path(a.url))
        started.append(proxy)
        yield {"a": a, "b": b, "proxy": proxy, "env": env, "workdir": workdir, "varnish_port": varnish_port}
    finally:
        for process in reversed(started):
            process.stop()
        infra.drop_pg_database(name)


@pytest.fixture(scope="session")
def varnish(scaleout_dir, cluster):
    """Varnish (deploy/varnish/default.vcl) in front of the cluster's HAProxy."""
    proxy_port = int(cluster["proxy"].url.rsplit(":", 1)[1])
    process = infra.start_varnish(scaleout_dir, proxy_port, cluster["varnish_port"])
    yield process
    process.stop()
    shutil.rmtree(process.instance, ignore_errors=True)
