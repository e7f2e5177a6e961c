"""The reply letter as PDF, made by the worker: LibreOffice takes seconds to start and lay out a letter, too
long for the request that records the reply. The reply stores the Word letter at once and queues this job,
which converts that stored Word file (the letter as sent, never a new one) and puts the PDF beside it in the
record's attachments (checked, hashed and audited there). Without LibreOffice the job fails with the
converter's Chinese message, and the record page offers to make the PDF again."""

from django.core.files.base import ContentFile
from django.tasks import task
from django.urls import reverse

from fazhi.jobs import services as jobs
from fazhi.jobs.models import Job, Kind, State
from fazhi.ledger.attachments import attach
from fazhi.ledger.pdf import docx_to_pdf

from .filters import base_queryset
from .letter import LETTER_NAME, letter_attachment, letter_docx, letter_filename, stored_letter
from .models import REPLIED

PDF = "转换为 PDF"
PARAM = "disclosure_request"  # the job's params key naming the request, read by the record page


def letter_jobs(request):
    """The letter-PDF jobs of a request, newest first (whoever started them)."""
    return Job.objects.filter(kind=Kind.DOCUMENT, **{f"params__{PARAM}": request.pk}).order_by("-pk")


def pending(request) -> Job | None:
    return letter_jobs(request).filter(state__in=(State.QUEUED, State.RUNNING)).first()


def queue_letter_pdf(user, request) -> Job:
    return jobs.create(
        user, Kind.DOCUMENT, f"生成答复书PDF：{request.number}", make_letter_pdf, params={PARAM: request.pk}
    )


@task
def make_letter_pdf(job_id: int) -> str:
    return jobs.run(job_id, _letter_pdf, (PDF,))


def store_word(actor, request) -> bytes:
    """The Word letter as sent: the one in the attachments, or — for a reply recorded without one (imported
    or demo replies) — made now and stored, so that the Word and PDF files are one letter from here on."""
    word = stored_letter(request)
    if word is None:
        word = letter_docx(request)
        attach(
            actor,
            request,
            ContentFile(word, name=letter_filename(request)),
            f"{LETTER_NAME}（系统按办理结果生成）",
        )
    return word


def _letter_pdf(job, progress) -> jobs.Outcome:
    # The owner's records as of now: a request no longer theirs is not touched for them.
    request = (
        base_queryset(job.owner)
        .prefetch_related("parties")
        .filter(pk=job.params[PARAM], status=REPLIED)
        .first()
    )
    if request is None:
        raise jobs.Failed("该申请已不存在、尚未答复或您已无权查看，未生成答复书 PDF。")
    link = reverse("disclosure:detail", args=[request.pk])
    if letter_attachment(request, "pdf") is not None:
        return jobs.Outcome(summary=f"{request.number}的答复书 PDF 已在附件中，无需重新生成。", link=link)
    progress.report(0, step=PDF)
    pdf = docx_to_pdf(store_word(job.owner, request), name=f"disclosure-reply-{request.pk}")
    upload = ContentFile(pdf, name=letter_filename(request, "pdf"))
    attach(job.owner, request, upload, f"{LETTER_NAME}（PDF，由答复书 Word 文件转换）")
    return jobs.Outcome(summary=f"已生成{request.number}的答复书 PDF，已存入该申请的附件。", link=link)
