"""`make loadtest` ends with a table per page from Locust's CSV: the figures and what misses."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

REPORT = Path(settings.PROJECT_DIR) / "loadtest" / "report.py"
COLUMNS = "Type,Name,Request Count,Failure Count,50%,95%,99%"
STATS = f"""{COLUMNS}
GET,Vandaag,120,0,40,90,130
GET,Cijfers,60,2,80,240,400
GET,Kaart,0,0,N/A,N/A,N/A
,Aggregated,180,2,50,200,380
"""


def test_the_table_shows_each_page_and_marks_slow_pages_and_errors(tmp_path):
    stats = tmp_path / "locust_stats.csv"
    stats.write_text(STATS)
    output = subprocess.run(
        [sys.executable, REPORT, stats], capture_output=True, text=True, check=True
    ).stdout
    lines = output.splitlines()
    assert lines[0] == "| page | requests | p50 ms | p95 ms | p99 ms | errors |  |"
    assert "| Vandaag | 120 | 40 | 90 | 130 | 0 |  |" in lines
    assert "| Cijfers | 60 | 80 | 240 | 400 | 2 | over target errors |" in lines
    assert "| Kaart | 0 | N/A | N/A | N/A | 0 |  |" in lines
    assert lines[-1] == "| all pages | 180 | 50 | 200 | 380 | 2 | over target errors |"
