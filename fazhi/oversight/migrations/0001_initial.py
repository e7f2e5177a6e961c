"""The suggestions and reminders, taken over from the litigation app with their rows.

The tables were renamed by litigation's 0004 (litigation_suggestion → oversight_suggestion, litigation_reminder
→ oversight_reminder); here the models enter the oversight app in the migration state only, and their
content types are relabelled (updated, not recreated), so that attachments and permissions, which point at
the content type, stay with the records. Audit entries are hash-chained and are not rewritten: they keep the
old labels, which the models declare as FORMER_LABELS.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("suggestion", "reminder")


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label=new, model=model).exists():
            continue  # already there (created by hand or by an earlier run): never two rows for one model
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, "litigation", "oversight")


def backwards(apps, schema_editor):
    _relabel(apps, "oversight", "litigation")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("litigation", "0004_suggestions_and_reminders_to_oversight"),
        ("orgs", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Reminder",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(default=1, editable=False, verbose_name="版本"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="登记时间")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                        (
                            "number",
                            models.CharField(editable=False, max_length=60, unique=True, verbose_name="编号"),
                        ),
                        ("status", models.CharField(max_length=30, verbose_name="状态")),
                        (
                            "due_date",
                            models.DateField(blank=True, db_index=True, null=True, verbose_name="办理期限"),
                        ),
                        ("issued_on", models.DateField(db_index=True, verbose_name="发出日期")),
                        ("matter", models.TextField(verbose_name="提醒事项")),
                        ("followed_on", models.DateField(blank=True, null=True, verbose_name="反馈日期")),
                        ("follow_up", models.TextField(blank=True, verbose_name="整改反馈情况")),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="登记人",
                            ),
                        ),
                        (
                            "org",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="orgs.organisation",
                                verbose_name="承办单位",
                            ),
                        ),
                        (
                            "to_unit",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="orgs.organisation",
                                verbose_name="被提醒单位",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="最后修改人",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "法治督察提醒函",
                        "verbose_name_plural": "法治督察提醒函",
                        "ordering": ["-issued_on", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Suggestion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(default=1, editable=False, verbose_name="版本"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="登记时间")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                        (
                            "number",
                            models.CharField(editable=False, max_length=60, unique=True, verbose_name="编号"),
                        ),
                        ("status", models.CharField(max_length=30, verbose_name="状态")),
                        (
                            "due_date",
                            models.DateField(blank=True, db_index=True, null=True, verbose_name="办理期限"),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("judicial", "司法建议书"), ("procuratorate", "检察建议书")],
                                max_length=20,
                                verbose_name="建议类别",
                            ),
                        ),
                        ("issuer", models.CharField(max_length=100, verbose_name="发出机关")),
                        (
                            "letter_number",
                            models.CharField(blank=True, max_length=80, verbose_name="建议书文号"),
                        ),
                        ("received_on", models.DateField(db_index=True, verbose_name="收到日期")),
                        ("content", models.TextField(verbose_name="建议内容")),
                        ("reply_due", models.DateField(blank=True, null=True, verbose_name="回复期限")),
                        (
                            "letter_reply_due",
                            models.DateField(blank=True, null=True, verbose_name="建议书载明的回复期限"),
                        ),
                        ("replied_on", models.DateField(blank=True, null=True, verbose_name="回复日期")),
                        ("reply_text", models.TextField(blank=True, verbose_name="回复（整改）情况")),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="登记人",
                            ),
                        ),
                        (
                            "org",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="orgs.organisation",
                                verbose_name="承办单位",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="最后修改人",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "司法建议和检察建议",
                        "verbose_name_plural": "司法建议和检察建议",
                        "ordering": ["-received_on", "-pk"],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
