"""The import page (upload, dry run or import, report), its progress and the example files."""

import logging
from urllib.parse import urlencode
from uuid import UUID, uuid4

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.programmes.models import Programme
from omzien.programmes.selection import selected_programme
from omzien.vocabulary import Language, Need

from .examples import example_csv, example_xlsx
from .forms import ImportForm
from .layouts import LAYOUTS
from .progress import Tracker, progress_of, report_of
from .run import KINDS, Report, run

logger = logging.getLogger(__name__)

ROWS_PER_PAGE = 100
PROBLEMS_SHOWN = 500  # a file that is wrong throughout needs its first problems fixed, not all
EXAMPLES = {layout.slug: layout for layout in LAYOUTS}
FORMATS = {
    "csv": (example_csv, "text/csv; charset=utf-8"),
    "xlsx": (example_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def as_uuid(value: str | None) -> UUID | None:
    try:
        return UUID(value) if value else None
    except ValueError:
        return None


@role_required(*STAFF_WITH_FILES)
def import_page(request):
    """Upload a file to check (nothing is saved) or to import; the report shows every row."""
    programmes, programme = selected_programme(request)
    form, report_id, report = ImportForm(), as_uuid(request.GET.get("verslag")), None
    if request.method == "POST":
        if programme is None:
            raise Http404
        posted = ImportForm(request.POST, request.FILES)
        if posted.is_valid():
            report_id = posted.cleaned_data["import_id"]
            report = run_import(request, posted, programme)
        else:
            form = posted
    elif report_id:
        report = report_of(report_id, request.user)
    context = {
        "programmes": programmes,
        "programme": programme,
        "form": form,
        # Each page gets a new id, so that each upload has its own progress.
        "next_import_id": uuid4(),
        "layouts": [(layout, KINDS[layout.kind].IMPORTABLE_STATUSES) for layout in LAYOUTS],
        "language_choices": Language.choices,
        "need_choices": Need.choices,
        "report_missing": bool(report_id) and report is None,
    }
    if report is not None:
        context |= report_context(request, report, report_id, programme)
    return render(request, "intake/importing/import.html", context)


def run_import(request, form: ImportForm, programme: Programme) -> Report:
    tracker = Tracker(form.cleaned_data["import_id"], request.user.pk, programme.slug)
    report = run(
        form.cleaned_data["file"],
        programme,
        request.user,
        dry_run=form.dry_run,
        progress=tracker.update,
    )
    tracker.finish(report)
    # Counts only: the log never holds who was in the file.
    logger.info(
        "import into programme %s (dry run: %s): %s", programme.pk, report.dry_run, report.counts
    )
    return report


def report_context(request, report: Report, report_id: UUID, programme: Programme | None) -> dict:
    query = {"verslag": report_id} | ({"programme": programme.slug} if programme else {})
    return {
        "report": report,
        "counts": report.counts,
        "problems": report.problems[:PROBLEMS_SHOWN],
        "problems_not_shown": max(0, len(report.problems) - PROBLEMS_SHOWN),
        "rows": Paginator(report.rows, ROWS_PER_PAGE).get_page(request.GET.get("pagina")),
        "report_query": urlencode(query),
    }


@role_required(*STAFF_WITH_FILES)
def import_progress(request, import_id: UUID):
    """How far an import is: a page whose progress part htmx keeps asking for, or that part."""
    state = progress_of(import_id, request.user)
    if state and state["total"]:
        state = state | {"percent": state["done"] * 100 // state["total"]}
    polled = bool(request.headers.get("HX-Request"))
    template = "progress_fragment" if polled else "progress"
    return render(
        request,
        f"intake/importing/{template}.html",
        {"state": state, "import_id": import_id, "poll": True},
    )


@role_required(*STAFF_WITH_FILES)
def example_file(request, kind: str, extension: str):
    """An example in the documented layout; it holds made-up people only."""
    if kind not in EXAMPLES or extension not in FORMATS:
        raise Http404
    make, content_type = FORMATS[extension]
    response = HttpResponse(make(EXAMPLES[kind]), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="voorbeeld-{kind}.{extension}"'
    return response
