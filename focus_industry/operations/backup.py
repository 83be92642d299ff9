"""Backup and restore of the database and the uploaded media, as one timestamped tar.gz archive.

    focus-industry-20261125T101500Z.tar.gz
      manifest.json          format, time, engine, counts of pages/documents/images, every media file's sha256
      database.sqlite3       SQLite: a consistent copy taken with sqlite3's online backup API
      database.pgdump        PostgreSQL: `pg_dump -Fc --no-owner --no-privileges`
      media/…                MEDIA_ROOT as it was (images, renditions, documents)

The commands `manage.py backup` and `manage.py restore` (and bin/backup, bin/restore, make backup,
make restore) are thin layers over `create_backup` and `restore_backup`. A restore goes into an
empty database unless forced, checks every media file against its checksum and the restored
database against the counts in the manifest. docs/operations.md has the procedure.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections

FORMAT = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def _engine(database):
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def _pg_env(database):
    """libpq's environment for pg_dump/pg_restore: the password never appears on a command line."""
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            env[name] = str(database[key])
    options = database.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = options["sslmode"]
    env.setdefault("PGCONNECT_TIMEOUT", str(options.get("connect_timeout", 10)))
    return env


def _run(command, env):
    executable = shutil.which(command[0])
    if not executable:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run([executable, *command[1:]], env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _media_root():
    """MEDIA_ROOT when uploads are on the local disk; None when they live in object storage."""
    try:
        return Path(default_storage.path(""))
    except NotImplementedError:
        return None


def content_counts():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return {
        "pages": Page.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }


def create_backup(output_dir, now=None):
    """Write a backup archive into output_dir and return its path."""
    database = settings.DATABASES[DEFAULT_DB_ALIAS]
    engine = _engine(database)
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    archive = output_dir / f"focus-industry-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    if archive.exists():
        raise BackupError(f"{archive} exists already.")
    media_root = _media_root()
    manifest = {
        "format": FORMAT,
        "created": now.isoformat(timespec="seconds"),
        "engine": engine,
        "counts": content_counts(),
        "media": {},
        "media_in_archive": media_root is not None,
    }
    with tempfile.TemporaryDirectory(prefix="focus-backup-") as workdir:
        if engine == "sqlite":
            dump, member = Path(workdir) / "database.sqlite3", "database.sqlite3"
            source = sqlite3.connect(f"file:{database['NAME']}?mode=ro", uri=True)
            target = sqlite3.connect(dump)
            try:
                source.backup(target)  # a consistent copy, even while the site writes
            finally:
                target.close()
                source.close()
        else:
            dump, member = Path(workdir) / "database.pgdump", "database.pgdump"
            _run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}", database["NAME"]],
                _pg_env(database),
            )
        manifest["database"] = member
        media_files = []
        if media_root is not None and media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    relative = path.relative_to(media_root).as_posix()
                    manifest["media"][relative] = {"size": path.stat().st_size, "sha256": _sha256(path)}
                    media_files.append((path, relative))
        partial = archive.with_name(f".{archive.name}.partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # it holds password hashes
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                manifest_path = Path(workdir) / MANIFEST
                manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
                tar.add(manifest_path, arcname=MANIFEST)
                tar.add(dump, arcname=member)
                for path, relative in media_files:
                    tar.add(path, arcname=f"media/{relative}")
            partial.rename(archive)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return archive, manifest


def _safe_media_path(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or len(path.parts) < 2 or path.parts[0] != "media":
        raise BackupError(f"The archive holds an unexpected entry {name!r}: not restoring from it.")
    return Path(*path.parts[1:])


def _database_is_empty(connection):
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("This is not a Focus Industry backup: manifest.json is missing or unreadable.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')!r} is not supported (expected {FORMAT}).")
    return manifest


def restore_backup(archive, force=False):
    """Restore the database and media from archive; return (manifest, counts after the restore)."""
    database = settings.DATABASES[DEFAULT_DB_ALIAS]
    engine = _engine(database)
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        tar = tarfile.open(archive, mode="r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {archive}: {error}") from error
    with tar, tempfile.TemporaryDirectory(prefix="focus-restore-") as workdir:
        manifest = read_manifest(tar)
        if manifest["engine"] != engine:
            raise BackupError(
                f"The backup is of a {manifest['engine']} database; DATABASE_URL points at {engine}. "
                "Restore it into the same kind of database."
            )
        if not force and not _database_is_empty(connection):
            raise BackupError(
                f"The database {database['NAME']} is not empty. Restore into an empty database, "
                "or pass --force to replace its contents."
            )
        connection.close()
        dump = Path(workdir) / manifest["database"]
        with tar.extractfile(manifest["database"]) as source, open(dump, "wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        if engine == "sqlite":
            Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
            source, target = sqlite3.connect(dump), sqlite3.connect(database["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
            if force:
                command += ["--clean", "--if-exists"]
            _run([*command, f"--dbname={database['NAME']}", str(dump)], _pg_env(database))
        _restore_media(tar, manifest)
    counts = content_counts()
    if counts != manifest["counts"]:
        raise BackupError(f"The restored database holds {counts}, the backup said {manifest['counts']}.")
    # No page, fragment or value cached from the database before the restore may be served after it.
    from focus_industry.web.page_cache import purge

    purge("restore")
    return manifest, counts


def _restore_media(tar, manifest):
    media_root = _media_root()
    if media_root is None:
        if manifest["media"]:
            raise BackupError("Uploads live in object storage here: restore the media with the storage's own tools.")
        return
    restored = set()
    for member in tar:
        if not member.name.startswith("media/"):
            continue
        if not member.isfile():
            raise BackupError(f"The archive holds an unexpected entry {member.name!r}: not restoring from it.")
        relative = _safe_media_path(member.name)
        expected = manifest["media"].get(relative.as_posix())
        if expected is None:
            raise BackupError(f"{member.name} is not listed in the manifest: not restoring from this archive.")
        target = media_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tar.extractfile(member) as source, open(target, "wb") as handle:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                handle.write(chunk)
        os.chmod(target, settings.FILE_UPLOAD_PERMISSIONS or 0o644)
        if digest.hexdigest() != expected["sha256"]:
            raise BackupError(f"{member.name} does not match its checksum: the archive is damaged.")
        restored.add(relative.as_posix())
    missing = set(manifest["media"]) - restored
    if missing:
        raise BackupError(f"{len(missing)} media files listed in the manifest are missing from the archive.")
