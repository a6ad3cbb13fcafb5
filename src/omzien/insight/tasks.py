"""Background work of the task worker (`omzien db_worker`): the yearly account, and the
nightly roll-ups of the dashboard's figures."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import rollups
from .account.content import build
from .account.pdf import write_pdf
from .account.xlsx import write_xlsx
from .models import AccountStatus, YearlyAccount

logger = logging.getLogger(__name__)


@task()
def make_yearly_account(account_id: int) -> None:
    account = YearlyAccount.objects.select_related("municipality", "organisation").get(
        pk=account_id
    )
    YearlyAccount.objects.filter(pk=account.pk).update(status=AccountStatus.RUNNING)
    try:
        with translation.override("nl"):
            content = build(account, progress=account.report)
            account.report(70, _("de PDF"))
            pdf = write_pdf(content)
            account.report(85, _("het spreadsheet"))
            xlsx = write_xlsx(content)
    except Exception:
        logger.exception("yearly account %s failed", account.pk)
        YearlyAccount.objects.filter(pk=account.pk).update(
            status=AccountStatus.FAILED, finished_at=timezone.now()
        )
        raise
    name = f"jaarverantwoording-{account.year}-{account.municipality.code}-{account.pk}"
    account.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    account.xlsx.save(f"{name}.xlsx", ContentFile(xlsx), save=False)
    account.status, account.progress, account.step = AccountStatus.DONE, 100, ""
    account.finished_at = timezone.now()
    account.save(update_fields=["pdf", "xlsx", "status", "progress", "step", "finished_at"])


@task()
def rebuild_rollups() -> None:
    """Every closed month counted again, so that a backdated change shows the next morning."""
    done = rollups.rebuild()
    logger.info("roll-ups rebuilt up to %s in %.1f s", done.through, done.seconds)
