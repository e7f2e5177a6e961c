"""The keyed chain: a keyed entry seals the unkeyed history; PostgreSQL refuses TRUNCATE of the trail.

TRUNCATE bypasses row triggers, so the append-only trigger of 0002 never saw it. Now a statement trigger
refuses it unless the session set ``fazhi.sanctioned_truncate`` to ``on``, which only ``fazhi restore``
does (fazhi.ops.restore), inside its transaction.
"""

from django.db import migrations, models

REFUSE_TRUNCATE = """
CREATE OR REPLACE FUNCTION audit_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('fazhi.sanctioned_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '审计日志不能清空（TRUNCATE）；恢复备份请用 fazhi restore';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();
CREATE TRIGGER audit_chainhead_no_truncate BEFORE TRUNCATE ON audit_chainhead
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();
"""
ALLOW_TRUNCATE = """
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;
DROP TRIGGER IF EXISTS audit_chainhead_no_truncate ON audit_chainhead;
DROP FUNCTION IF EXISTS audit_refuse_truncate();
"""


def refuse_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REFUSE_TRUNCATE)


def allow_truncate(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW_TRUNCATE)


def seal(apps, schema_editor):
    from fazhi.audit.services import seal_legacy_chain

    seal_legacy_chain(apps.get_model("audit", "AuditEntry"), apps.get_model("audit", "ChainHead"))


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("create", "新建"),
                    ("update", "修改"),
                    ("delete", "删除"),
                    ("transition", "状态变更"),
                    ("view_personal", "查看个人信息"),
                    ("export", "导出"),
                    ("import", "导入"),
                    ("login", "登录"),
                    ("login_failed", "登录失败"),
                    ("locked", "账户锁定"),
                    ("logout", "退出"),
                    ("purge", "清理过期日志"),
                    ("checkpoint", "审计检查点"),
                ],
                db_index=True,
                max_length=20,
                verbose_name="操作",
            ),
        ),
        migrations.RunPython(refuse_truncate, allow_truncate),
        migrations.RunPython(seal, migrations.RunPython.noop),
    ]
