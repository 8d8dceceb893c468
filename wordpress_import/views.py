"""The import in the admin, for superusers: upload the export, read the dry
run's report, confirm; the import then runs as a task on the queue
(wordpress_import.tasks), its progress shown on the run's page."""

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wordpress_import import wxr
from wordpress_import.importer import Importer, ImportFailed
from wordpress_import.models import ImportRun
from wordpress_import.tasks import import_export


def upload_dir() -> Path:
    """Exports wait here, outside MEDIA_ROOT: they hold private posts and e-mail addresses."""
    path = Path(getattr(settings, "WORDPRESS_IMPORT_DIR", settings.BASE_DIR / ".wordpress-imports"))
    path.mkdir(parents=True, exist_ok=True)
    return path


class UploadForm(forms.Form):
    export = forms.FileField(
        label=_("WordPress export (XML)"),
        help_text=_("In WordPress: Tools → Export → All content."),
    )
    media_url = forms.URLField(
        label=_("Address of the old uploads folder"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "e.g. https://lsv.se/wp-content/uploads/ – images and PDFs are fetched from "
            "there. Leave empty to import text only."
        ),
    )

    def clean_export(self):
        export = self.cleaned_data["export"]
        if not export.name.lower().endswith(".xml"):
            raise forms.ValidationError(_("Choose the .xml file WordPress exported."))
        return export


def superuser_only(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@superuser_only
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        export = form.cleaned_data["export"]
        stored = upload_dir() / f"{uuid.uuid4().hex}.xml"
        with stored.open("wb") as out:
            for chunk in export.chunks():
                out.write(chunk)
        media_url = form.cleaned_data["media_url"]
        try:
            report = Importer(stored, media_url=media_url or None, dry_run=True).run()
        except (ImportFailed, wxr.WxrError) as error:
            stored.unlink(missing_ok=True)
            form.add_error("export", str(error))
        else:
            run = ImportRun.objects.create(
                created_by=request.user,
                file_name=export.name[:255],
                stored_path=str(stored),
                media_url=media_url,
                dry_run_report=report.as_dict(),
            )
            return redirect("wordpress_import:run", run.pk)
    runs = ImportRun.objects.all()[:10]
    return TemplateResponse(request, "wordpress_import/upload.html", {"form": form, "runs": runs})


@superuser_only
def run_detail(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    if request.method == "POST":
        # The state and the queued task commit together: the worker never
        # meets a task whose run is not yet marked queued, and a second
        # confirmation (another tab, a double click) queues nothing.
        with transaction.atomic():
            queued = Path(run.stored_path).is_file() and ImportRun.objects.filter(
                pk=run.pk, state=ImportRun.State.CHECKED
            ).update(state=ImportRun.State.QUEUED)
            if queued:
                import_export.enqueue(run.pk)
        if not queued:
            messages.error(request, _("This import has already been run."))
        else:
            messages.success(request, _("The import is queued: the task worker starts it shortly."))
        return redirect("wordpress_import:run", run.pk)
    return TemplateResponse(request, "wordpress_import/run.html", {"run": run})
