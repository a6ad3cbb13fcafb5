"""The map's data island: every area's shape and every measure, as numbers and as text.

The page's script reads it (a `json_script` element, never executed) to colour the areas;
the same texts fill the table beside the map.
"""

from django.utils.translation import gettext as _

from .figures.areas import MEASURES
from .formatting import SUPPRESSED, UNAVAILABLE, display
from .tables import Figure


def map_data(figure: Figure, shown: list, measure: str) -> dict:
    rows = {row.key: row for row in figure.rows}
    return {
        "measure": measure,
        "measures": [
            {"key": m.key, "label": str(m.label).capitalize(), "kind": m.kind} for m in MEASURES
        ],
        "areas": [
            {
                "code": area.code,
                "name": area.name,
                "geometry": area.geometry,
                "values": {m.key: rows[area.code].values.get(m.key) for m in MEASURES},
                "missing": sorted(rows[area.code].unavailable),
            }
            for area in shown
            if area.geometry
        ],
        "texts": {
            row.key: {
                m.key: display(row.values.get(m.key), m.kind, m.key in row.unavailable)
                for m in MEASURES
            }
            for row in [*figure.rows, figure.total]
        },
        "labels": {
            "suppressed": str(SUPPRESSED),
            "unavailable": str(UNAVAILABLE),
            "zoom_in": str(_("Inzoomen")),
            "zoom_out": str(_("Uitzoomen")),
        },
    }
