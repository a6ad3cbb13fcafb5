"""gunicorn's hooks for Omzien: `gunicorn -c python:omzien.conf.gunicorn omzien.conf.wsgi`.

Each worker loads the pages and the matching engine before it takes its first request, so
that no one waits seconds for that on a worker's first request with suggestions.
"""


def post_worker_init(worker) -> None:
    from django.urls import get_resolver

    from omzien.matching.engine.warm import warm_up

    get_resolver().url_patterns  # noqa: B018 - imports every view once, here
    warm_up()
