"""Importing 50,000 disputes from Excel: build the file, parse it, check and write it in one transaction,
against two floors: reading the same file with openpyxl read_only (values only) and with python-calamine
(what parse() reads it with).

    .venv/bin/python bench/bench_disputes_import.py [--rows 50000] [--quick]

Runs on a throwaway SQLite database under var/bench/ (never the project's database), or, when
DATABASE_URL names a PostgreSQL database, on a fresh sibling database <name>_import.
"""

import argparse
import datetime
import io
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import support  # noqa: E402

DB = support.sibling_database(support.database_url("disputes"), "import")
os.environ["DATABASE_URL"] = DB
os.environ["DJANGO_SETTINGS_MODULE"] = "fazhi.settings"

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.core.management import call_command  # noqa: E402

from fazhi.demo.tree import build_orgs, build_people  # noqa: E402
from fazhi.disputes.columns import dispute_sheet  # noqa: E402
from fazhi.disputes.importing import import_disputes  # noqa: E402
from fazhi.disputes.models import Dispute, Party  # noqa: E402
from fazhi.ledger.excel import export, parse  # noqa: E402
from fazhi.ledger.personal import id_check_char  # noqa: E402

UNITS = ("wuchang-tw", "wuchang-wy-tw", "wuchang-yy-tw", "wuchang-js-tw", "wuchang-xx-tw", "wuchang-ls")
TYPES = ("劳资", "邻里", "婚姻家庭", "物业", "房屋土地", "交通事故", "消费", "噪声", "知识产权/电商", "其他")


def rows(n: int, rng: random.Random):
    start = datetime.date(2024, 1, 1)
    for i in range(n):
        received = start + datetime.timedelta(days=rng.randrange(330))
        first = f"330110{1960 + rng.randrange(40)}0{rng.randrange(1, 10)}1{rng.randrange(10)}{rng.randrange(1000):03d}"
        success = rng.random() < 0.97
        yield {
            "seq": i + 1,
            "received_on": received,
            "channel": rng.choice(("visit", "grid", "hotline", "phone")),
            "dispute_type": rng.choice(TYPES),
            "org": rng.choice(UNITS),
            "applicant": f"申请人{i}",
            "applicant_id": first + id_check_char(first),
            "applicant_phone": f"138{rng.randrange(10**8):08d}",
            "respondent": f"被申请人{i}",
            "summary": "楼上漏水致楼下受损，双方就维修费用协商",
            "persons_involved": rng.randint(2, 40),
            "amount_involved": rng.randint(0, 50000),
            "status": "success" if success else "failed",
            "concluded_on": received + datetime.timedelta(days=rng.randint(1, 20)),
            "result": "赔偿维修费" if success else "分歧较大",
            "referred_to": "" if success else "litigation",
            "amount_recovered": rng.randint(0, 20000) if success else None,
        }


def timed(label: str, fn):
    began = time.perf_counter()
    result = fn()
    print(f"{label:<34}{time.perf_counter() - began:8.2f} s", flush=True)
    return result


def read_only(content: bytes) -> int:
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    rows = sum(
        1 for row in workbook.worksheets[0].iter_rows(values_only=True) if any(v is not None for v in row)
    )
    workbook.close()
    return rows


def calamine_read(content: bytes) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    rows = sum(1 for row in workbook.get_sheet_by_index(0).iter_rows() if any(v != "" for v in row))
    workbook.close()
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--quick", action="store_true", help="2,000 rows")
    args = parser.parse_known_args()[0]
    if args.quick:
        args.rows = 2_000
    call_command("migrate", verbosity=0)
    orgs = build_orgs()
    actor = build_people(orgs)["fazhiban"]
    sheet = dispute_sheet()
    print(f"导入 {args.rows:,} 行纠纷（{support.engine_label(DB)}：{DB}）")
    content = timed("生成 Excel（export）", lambda: export(sheet, rows(args.rows, random.Random(1))))
    print(f"{'文件大小':<30}{len(content) / 1e6:8.1f} MB")
    began = time.perf_counter()
    floor_rows = timed("下限：openpyxl read_only 读取", lambda: read_only(content))
    floor = time.perf_counter() - began
    began = time.perf_counter()
    calamine_rows = timed("下限：python-calamine 读取", lambda: calamine_read(content))
    calamine = time.perf_counter() - began
    began = time.perf_counter()
    parsed = timed("解析与逐格检查（parse）", lambda: parse(sheet, io.BytesIO(content)))
    assert parsed.ok, parsed.summary(10)
    result = timed(
        "跨字段检查并写入（import_disputes）", lambda: import_disputes(actor, parsed.rows, source="bench")
    )
    assert result.ok, result.errors[:10]
    spent = time.perf_counter() - began
    # Both floors and the import saw the header row and every data row, and every row was written.
    assert floor_rows == calamine_rows == args.rows + 1
    assert len(parsed.rows) == len(result.created) == Dispute.objects.count() == args.rows
    print(
        support.ratio_line(
            f"导入 {args.rows:,} 行（parse + import）", spent, "openpyxl read_only 读取", floor
        )
    )
    print(
        support.ratio_line(
            f"导入 {args.rows:,} 行（parse + import）", spent, "python-calamine 读取", calamine
        )
    )
    print(f"{'写入纠纷 / 当事人':<30}{Dispute.objects.count():,} / {Party.objects.count():,}")


if __name__ == "__main__":
    main()
