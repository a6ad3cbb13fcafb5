"""Django's database cache on a connection of its own, outside any transaction in progress.

An import writes its progress to the cache while its own transaction (all or nothing) is
still open; on the default connection that progress would stay invisible to the app servers
that poll it until the import had finished.
"""

CACHE_ALIAS = "cache"


class CacheRouter:
    def db_for_read(self, model, **hints):
        return CACHE_ALIAS if model._meta.app_label == "django_cache" else None

    db_for_write = db_for_read
