"""Bases for the settings site's model admins.

Ledger records (and the other rows that change only through their services: reports, sign-in
attempts) are shown read-only; a ledger's settings row is one row that is changed, never added
twice or deleted. An office's document templates (文书模板) are uploaded, viewed and removed (恢复默认),
never edited.
"""

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header

from fazhi.errors import FazhiError

from . import documents
from .downloads import DOCX
from .models import DocumentTemplate


class ReadOnlyLedgerAdmin(admin.ModelAdmin):
    """Records change only through their services (numbering, audit, optimistic locking)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SettingsRowAdmin(admin.ModelAdmin):
    """For a SettingsRow: the one row may be added while there is none, and is never deleted."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class DocumentTemplateForm(forms.ModelForm):
    """An office's replacement of one document's template: checked by filling it with the document's
    example values (fazhi.ledger.documents.check_template), the reason in Chinese on the field."""

    kind = forms.ChoiceField(label="文书")
    upload = forms.FileField(label="模板文件（.docx）")

    class Meta:
        model = DocumentTemplate
        fields = ("kind", "org")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = documents.document_choices()
        self.fields["upload"].help_text = _placeholder_help()

    def clean(self):
        data = super().clean()
        document = documents.all_documents().get(data.get("kind"))
        upload = data.get("upload")
        if document and upload:
            content = upload.read(documents.MAX_TEMPLATE_BYTES + 1)
            try:
                documents.check_template(document, content)
            except FazhiError as exc:
                self.add_error("upload", exc.message)
            data["content"] = content
        return data

    def validate_unique(self):
        """An upload for a document and unit that already have a template replaces it (replace_template)."""


def _placeholder_help() -> str:
    common = "、".join(f"{{{{ {name} }}}}" for name in documents.COMMON_SAMPLE)
    links = format_html_join(
        "、",
        '<a href="{}">{}</a>',
        (
            (reverse("admin:ledger_documenttemplate_default", args=[code]), title)
            for code, title in documents.document_choices()
        ),
    )
    return format_html(
        "用 Word 或 WPS 编辑后另存为 .docx 上传；上传时系统用示例数据试生成一次，无法生成的模板不会保存。"
        "所有文书都可用的占位符：{}（单位名称即文头、编号、文书名称、当天日期）；各文书的其他占位符见其默认模板："
        "{}。",
        common,
        links,
    )


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    """文书模板: an office's own .docx per document (and unit), audited, removed again by 恢复默认."""

    form = DocumentTemplateForm
    list_display = ("document", "org_name", "name", "uploaded_by", "uploaded_at")
    actions = ("restore_default",)

    @admin.display(description="文书")
    def document(self, obj):
        return documents.document_title(obj.kind)

    @admin.display(description="适用单位")
    def org_name(self, obj):
        return obj.org.name if obj.org_id else "全部单位"

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("kind", "org", "upload")
        return ("document", "org_name", "name", "sha256", "uploaded_by", "uploaded_at")

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.get_fields(request, obj)

    def has_change_permission(self, request, obj=None):
        return False  # a template is replaced by uploading another, never edited here

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        document = documents.all_documents()[data["kind"]]
        saved = documents.replace_template(
            request.user, document, data.get("org"), form.cleaned_data["upload"].name, data["content"]
        )
        obj.pk, obj._state.adding = saved.pk, False

    def delete_model(self, request, obj):
        documents.restore_default(request.user, obj)

    def delete_queryset(self, request, queryset):
        # Django's own "删除所选" comes here too: every removal is a 恢复默认, in the trail
        for obj in queryset:
            documents.restore_default(request.user, obj)

    @admin.action(description="恢复默认模板（删除所选的本单位模板）", permissions=["delete"])
    def restore_default(self, request, queryset):
        count = queryset.count()
        self.delete_queryset(request, queryset)
        self.message_user(request, f"已恢复默认模板：{count} 份文书。")

    def get_urls(self):
        own = [
            path(
                "default/<slug:code>.docx",
                self.admin_site.admin_view(self.default_template),
                name="ledger_documenttemplate_default",
            )
        ]
        return own + super().get_urls()

    def default_template(self, request, code: str):
        """The shipped default of a document, for an office to start its own from."""
        document = documents.all_documents().get(code)
        if document is None or not self.has_view_permission(request):
            raise Http404("没有这种文书。")
        response = HttpResponse(document.default_path().read_bytes(), content_type=DOCX)
        response["Content-Disposition"] = content_disposition_header(
            True, f"{document.title}（默认模板）.docx"
        )
        return response
