# Omzien in production: `app` (gunicorn; also the worker and one-off commands) and `proxy`
# (nginx with the static files, compressed ahead of time). compose.yaml builds both.
FROM python:3.11-slim AS app
ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_PYTHON_DOWNLOADS=never PATH=/opt/venv/bin:$PATH \
    NUMBA_CACHE_DIR=/opt/numba-cache OMZIEN_VAR_DIR=/var/lib/omzien \
    OMZIEN_STATIC_ROOT=/opt/static PYTHONDONTWRITEBYTECODE=1
RUN pip install --no-cache-dir 'uv==0.13.9'
WORKDIR /opt/omzien
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY src ./src
RUN uv sync --frozen --no-dev
# Build-time only: the secret is never used to sign anything here.
RUN export OMZIEN_PRODUCTION=1 OMZIEN_SECRET_KEY=build-time-only-not-a-secret \
    && omzien compile_translations && omzien compile_engine \
    && omzien collectstatic --no-input -v 0
RUN useradd --system --home-dir /var/lib/omzien omzien \
    && mkdir -p /var/lib/omzien && chown omzien /var/lib/omzien
USER omzien
EXPOSE 8000
CMD ["gunicorn", "-c", "python:omzien.conf.gunicorn", "omzien.conf.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--timeout", "90"]

FROM nginx:1.27-alpine AS proxy
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=app /opt/static /srv/static
