from django.db import migrations, models


def _kind(name: str) -> str:
    if "攻坚" in name:
        return "campaign"
    if "联合" in name:
        return "joint"
    return "rectification"


def actions_from_names(apps, schema_editor):
    """Each distinct 专项行动 name a team's cases and inspections carried becomes one SpecialAction of that
    team, dated from its first to its last record, and the records point to it."""
    SpecialAction = apps.get_model("enforcement", "SpecialAction")
    models_and_dates = (
        (apps.get_model("enforcement", "EnforcementCase"), "filed_on"),
        (apps.get_model("enforcement", "InspectionBatch"), "held_on"),
    )
    spans = {}  # (team, name) → [first day, last day, the names as written]
    for model, on in models_and_dates:
        rows = model.objects.exclude(special_action_name="").values_list("org_id", "special_action_name", on)
        for org_id, written, day in rows.distinct():
            if not written.strip():
                continue
            span = spans.setdefault((org_id, written.strip()), [day, day, set()])
            span[0], span[1] = min(span[0], day), max(span[1], day)
            span[2].add(written)
    for (org_id, name), (first, last, written) in spans.items():
        action = SpecialAction.objects.create(
            org_id=org_id, name=name[:100], kind=_kind(name), starts_on=first, ends_on=last,
            goal="由原“专项行动”文字生成，请核对起止日期和联合部门。",
        )  # fmt: skip
        for model, _ in models_and_dates:
            model.objects.filter(org_id=org_id, special_action_name__in=written).update(special_action=action)


def names_from_actions(apps, schema_editor):
    for label in ("EnforcementCase", "InspectionBatch"):
        model = apps.get_model("enforcement", label)
        for row in model.objects.filter(special_action__isnull=False).select_related("special_action"):
            row.special_action_name = row.special_action.name
            row.save(update_fields=["special_action_name"])


def outside_only(apps, schema_editor):
    """The typed 立案 becomes the cases filed outside the ledger: the linked cases (not 撤销立案) are taken
    out of it, so that what an inspection shows (typed + linked) is max(typed, linked), as before."""
    InspectionBatch = apps.get_model("enforcement", "InspectionBatch")
    EnforcementCase = apps.get_model("enforcement", "EnforcementCase")
    linked = (
        EnforcementCase.objects.filter(inspection__isnull=False)
        .exclude(status="revoked")
        .values_list("inspection")
        .annotate(n=models.Count("pk"))
    )
    for pk, n in linked:
        batch = InspectionBatch.objects.get(pk=pk)
        batch.cases_filed_outside = max(batch.cases_filed_outside - n, 0)
        batch.save(update_fields=["cases_filed_outside"])


def outside_back(apps, schema_editor):
    InspectionBatch = apps.get_model("enforcement", "InspectionBatch")
    for batch in InspectionBatch.objects.annotate(n=models.Count("cases")):
        batch.cases_filed_outside += batch.n
        batch.save(update_fields=["cases_filed_outside"])


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0005_special_actions")]

    operations = [
        migrations.RunPython(actions_from_names, names_from_actions),
        migrations.RunPython(outside_only, outside_back),
    ]
