# syntax=docker/dockerfile:1
# Focus Industry: the production image. A thin wrapper over the project's own scripts:
#   build:  pip install . (the dependencies from pyproject.toml, as `make install` does without [dev])
#           + bin/collectstatic (hashed, compressed static files)
#   run:    bin/start (migrate, update_translation_fields, optional demo content, gunicorn)
# docs/operations.md describes the environment; compose.yaml runs it with PostgreSQL and Redis.

# --- builder: a virtualenv with the dependencies only ------------------------------------------
FROM python:3.11.14-slim-bookworm AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /build
# pyproject.toml declares `packages = []`: `pip install .` installs the dependencies and the
# project's metadata only; the code runs from the source tree copied into /app below.
# Every dependency has a binary wheel (psycopg[binary], Pillow), so no compiler is needed.
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .

# --- runtime ----------------------------------------------------------------------------------
FROM python:3.11.14-slim-bookworm AS runtime

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHON=python \
    DJANGO_SETTINGS_MODULE=focus_industry.settings.production \
    FOCUS_VAR_DIR=/app/var \
    DJANGO_MEDIA_ROOT=/app/var/media \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    HOST=0.0.0.0 \
    PORT=8000

# An unprivileged user; it owns only /app/var (uploads, and the SQLite file when no DATABASE_URL).
RUN groupadd --system --gid 10001 focus \
    && useradd --system --uid 10001 --gid focus --home-dir /app/var --no-create-home \
       --shell /usr/sbin/nologin focus

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# The source, read-only for the app user (.dockerignore leaves out .venv, var, tests, …).
COPY . .
# Collected at build time with a throwaway key (bin/collectstatic sets one for that command only).
RUN bin/collectstatic \
    && mkdir -p /app/var/media \
    && chown -R focus:focus /app/var

USER 10001:10001
VOLUME ["/app/var"]
EXPOSE 8000

# Slim images have no curl: bin/healthcheck asks /healthz with Python.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["bin/healthcheck"]

CMD ["bin/start"]
