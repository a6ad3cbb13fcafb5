"""The `omzien` console script: Django's management commands without knowing where manage.py is."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omzien.conf.settings")
    from django.core.management import execute_from_command_line

    # `omzien import-geo` reads better than `omzien import_geo`; both work.
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        sys.argv[1] = sys.argv[1].replace("-", "_")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
