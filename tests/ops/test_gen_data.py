"""gen_data at a tiny size: consistent numbers, every record inside the district, a valid audit chain,
figures computable, the same data for the same seed."""

import re
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from fazhi.audit.chain import verify
from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes.models import Dispute, Party
from fazhi.figures import registry
from fazhi.figures.values import values
from fazhi.ledger.models import Numbered, NumberSequence
from fazhi.ledger.registry import ledger_models
from fazhi.orgs.models import Kind, Organisation

NUMBER = re.compile(r"^(?P<prefix>.+?)(?P<kind>.)〔(?P<year>\d{4})〕(?P<serial>\d{4})号$")
TINY = {"streets": 1, "years": 1, "start_year": 2024, "scale": 0.01}


def generate(**options) -> str:
    out = StringIO()
    call_command("gen_data", stdout=out, **{**TINY, **options})
    return out.getvalue()


def ledger_records():
    return {model: list(model.objects.select_related("org")) for model in ledger_models()}


@pytest.mark.django_db
def test_numbers_are_unique_and_gap_free_and_sequences_end_at_the_last_one():
    generate(streets=2, years=2)
    records = ledger_records()
    assert records[Dispute] and all(records.values()), {m.__name__: len(r) for m, r in records.items()}
    short_names = {o.short_name: o for o in Organisation.objects.all()}
    serials = defaultdict(list)
    for model, rows in records.items():
        if not issubclass(
            model, Numbered
        ):  # activity records (学法, 普法) and rosters (执法证) take no office number
            continue
        for row in rows:
            found = NUMBER.match(row.number)
            assert found, row.number
            assert found["kind"] == model.NUMBER_KIND
            serials[(found["prefix"], found["kind"], int(found["year"]))].append(int(found["serial"]))
    for (prefix, kind, year), taken in serials.items():
        assert sorted(taken) == list(range(1, len(taken) + 1)), (prefix, kind, year)
        sequence = NumberSequence.objects.get(org=short_names[prefix], kind=kind, year=year)
        assert sequence.last == len(taken)
    assert NumberSequence.objects.count() == len(serials)


@pytest.mark.django_db
def test_every_record_belongs_to_the_district_and_personal_data_is_encrypted():
    output = generate()
    district = Organisation.objects.get(kind=Kind.DISTRICT)
    streets = Organisation.objects.filter(kind=Kind.STREET)
    assert streets.count() == 1
    assert Organisation.objects.filter(parent__in=streets, kind=Kind.COMMUNITY).count() == 8
    for rows in ledger_records().values():
        assert all(row.org.path.startswith(district.path) for row in rows)
    party = Party.objects.exclude(id_number="").first()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id_number FROM {Party._meta.db_table} WHERE id = %s", [party.pk])
        stored = cursor.fetchone()[0]
    assert party.id_number.isalnum() and stored != party.id_number  # the column holds a token
    assert party.id_number_digest and party.phone_digest
    assert "合计" in output


@pytest.mark.django_db
def test_one_audit_entry_per_ledger_and_batch_and_the_chain_verifies():
    generate(streets=2)
    imports = AuditEntry.objects.filter(action=Action.IMPORT)
    per_type = defaultdict(int)
    for entry in imports:
        per_type[entry.target_type] += 1
    ledger_types = {model._meta.label_lower for model in ledger_models()}
    assert {t: n for t, n in per_type.items() if t in ledger_types} == dict.fromkeys(ledger_types, 2)
    # besides the ledger records, only rows written the same way: special actions, inspection batches, the
    # roster's events, training hours and file reviews, the activity records
    assert set(per_type) - ledger_types <= {
        "enforcement.specialaction",
        "enforcement.inspectionbatch",
        "enforcement.officerevent",
        "enforcement.officertraining",
        "enforcement.filereview",
    }
    others = set(AuditEntry.objects.exclude(action=Action.IMPORT).values_list("target_type", flat=True))
    assert others == {"orgs.organisation"}  # creating the district's units is audited one by one
    assert verify() == []


@pytest.mark.django_db
def test_figures_compute_on_the_generated_district():
    generate()
    district = Organisation.objects.get(kind=Kind.DISTRICT)
    codes = [f.code for f in registry.all_figures() if not f.hand_entered]
    found = values(district, codes, 2024)
    assert found["disputes.received"].value == Dispute.objects.filter(received_on__year=2024).count() > 0
    assert found["legal.contracts_reviewed"].value > 0
    assert found["litigation.cases"].value > 0


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_records_and_a_second_run_is_refused():
    def snapshot():
        rows = Dispute.objects.order_by("number").values_list(
            "number", "summary", "persons_involved", "status"
        )
        return list(rows), list(Party.objects.order_by("pk").values_list("name", flat=True))

    with transaction.atomic():
        generate(seed=7)
        first = snapshot()
        transaction.set_rollback(True)
    generate(seed=7)
    assert snapshot() == first
    with pytest.raises(CommandError, match="已有生成的模拟区数据"):
        generate(seed=7)


@pytest.mark.django_db
def test_after_a_bulk_load_the_list_is_read_in_date_order_not_sorted_whole():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's planner keeps its own statistics (autovacuum)")
    generate()
    everyone = Dispute.objects.filter(status="success").order_by("-received_on", "-pk")[50:100]
    sql, params = everyone.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    # an index that holds the date order (its name or its columns shown), and no sort of the whole list
    assert ("received_on" in plan or "status_received" in plan) and "TEMP B-TREE" not in plan, plan
