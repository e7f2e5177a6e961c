"""Data for the backup tests and a database-independent picture of every backed-up row."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.functions import Cast

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.disputes import services
from fazhi.disputes.models import Dispute, DisputeType, Party
from fazhi.ledger.attachments import attach
from fazhi.ops.backup import backed_up_models

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def populate(tree, person) -> dict:
    handler = person("tiaojie", "handler", tree["a-tw"], first_name="调解员")
    person("fazhiban", "office", tree["a"])
    group = Group.objects.create(name="备份测试组")
    group.permissions.add(Permission.objects.get(codename="view_dispute"))
    handler.groups.add(group)
    dispute = services.intake(
        handler,
        org=tree["a-tw"],
        channel="visit",
        received_on=datetime.date(2024, 3, 5),
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary="楼上漏水引发邻里纠纷",
        persons_involved=2,
        parties=[
            services.PartyData(name="张三", id_number=ID_NUMBER, phone=PHONE),
            services.PartyData(name="李四", role="respondent"),
        ],
    )
    upload = SimpleUploadedFile("调解笔录.pdf", PDF, content_type="application/pdf")
    attachment = attach(handler, dispute, upload, "第一次调解笔录")
    record(Action.VIEW_PERSONAL, actor=handler, target=dispute, changes={"当事人": "张三"})
    return {"handler": handler, "dispute": dispute, "attachment": attachment}


def picture() -> dict:
    """Every backed-up row with plain personal data and content types by name, so ids of either can move."""
    content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    permissions = {p.pk: (p.codename, content_types[p.content_type_id]) for p in Permission.objects.all()}
    rows = {}
    for model in backed_up_models():
        rows[model._meta.label_lower] = []
        for item in serializers.serialize("python", model._base_manager.order_by("pk")):
            fields = item["fields"]
            for field in model._meta.concrete_fields:
                value = fields.get(field.name)
                if field.remote_field and field.related_model is ContentType and value:
                    fields[field.name] = content_types[value]
                if field.remote_field and field.related_model is Permission and value:
                    fields[field.name] = permissions[value]
            for field in model._meta.many_to_many:
                target = field.related_model
                if target is Permission:
                    fields[field.name] = sorted(permissions[pk] for pk in fields[field.name])
            if model is Party:  # value_to_string encrypts afresh each time; compare the plain values
                party = Party.objects.get(pk=item["pk"])
                fields["id_number"], fields["phone"] = party.id_number, party.phone
            rows[model._meta.label_lower].append((item["pk"], fields))
    return rows


def stored_tokens() -> list[tuple]:
    return list(
        Party.objects.order_by("pk")
        .annotate(
            raw_id=Cast("id_number", output_field=models.TextField()),
            raw_phone=Cast("phone", output_field=models.TextField()),
        )
        .values_list("pk", "raw_id", "raw_phone")
    )


def dispute_count() -> int:
    return Dispute.objects.count()


def forget_content_types():
    # These tests give content types new ids; the cache must not carry them into the next test.
    ContentType.objects.clear_cache()
