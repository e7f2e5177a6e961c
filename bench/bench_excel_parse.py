"""How much parse() adds to merely reading an .xlsx: 50,000 rows of a 12-column ledger sheet.

    .venv/bin/python bench/bench_excel_parse.py [--rows 50000] [--repeat 3]

The floor is openpyxl read_only iter_rows(values_only=True) over the same file (and python-calamine
if it happens to be installed); parse() does that plus header matching and converting every cell.
"""

import argparse
import datetime
import io
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")

import django

django.setup()

import openpyxl  # noqa: E402

from fazhi.ledger.excel import Column, Sheet, export, parse  # noqa: E402
from fazhi.ledger.personal import id_check_char  # noqa: E402

CATEGORIES = (("family", "婚姻家庭"), ("neighbour", "邻里纠纷"), ("land", "土地山林"), ("labour", "劳动争议"))
METHODS = (("visit", "来访"), ("phone", "电话"), ("referral", "转办"))

SHEET = Sheet(
    "纠纷调解台账",
    (
        Column("案件名称", "title", required=True, max_length=100),
        Column("纠纷类型", "category", kind="choice", required=True, choices=CATEGORIES),
        Column("受理方式", "method", kind="choice", choices=METHODS),
        Column("受理日期", "accepted_on", kind="date", required=True),
        Column("办结日期", "closed_on", kind="date"),
        Column("当事人数", "parties", kind="int"),
        Column("涉及金额（元）", "amount", kind="decimal"),
        Column("是否调解成功", "settled", kind="bool"),
        Column("申请人", "applicant", max_length=50),
        Column("身份证号码", "id_number", kind="id_number"),
        Column("联系电话", "phone", kind="phone"),
        Column("备注", "note", max_length=500),
    ),
)


def id_number(rng: random.Random) -> str:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(20000))
    first17 = f"330110{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_char(first17)


def generated_rows(count: int, seed: int = 7):
    rng = random.Random(seed)
    start = datetime.date(2024, 1, 1)
    for index in range(count):
        accepted = start + datetime.timedelta(days=rng.randrange(366))
        yield {
            "title": f"第{index}号 {rng.choice('张王李赵刘陈')}某与{rng.choice('周吴郑孙')}某纠纷",
            "category": rng.choice(CATEGORIES)[0],
            "method": rng.choice(METHODS)[0],
            "accepted_on": accepted,
            "closed_on": accepted + datetime.timedelta(days=rng.randrange(30))
            if rng.random() < 0.8
            else None,
            "parties": rng.randrange(2, 6),
            "amount": Decimal(rng.randrange(0, 10_000_000)) / 100,
            "settled": rng.random() < 0.9,
            "applicant": rng.choice("张王李赵刘陈") + rng.choice(["伟", "芳", "娜", "敏", "静"]),
            "id_number": id_number(rng),
            "phone": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
            "note": "双方经调解达成协议" if rng.random() < 0.5 else "",
        }


def openpyxl_floor(content: bytes) -> int:
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def calamine_floor(content: bytes):
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return sum(1 for _ in workbook.get_sheet_by_index(0).iter_rows())


def best_of(repeat: int, function, *args) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        value = function(*args)
        best = min(best, time.perf_counter() - started)
    return best, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    # `python -m bench excel` runs this file with the runner's own arguments: ignore those.
    options, _ = parser.parse_known_args()

    started = time.perf_counter()
    content = export(SHEET, generated_rows(options.rows))
    print(
        f"export: {options.rows:,} 行 × {len(SHEET.columns)} 列，{len(content) / 1e6:.1f} MB，{time.perf_counter() - started:.2f} s"
    )

    floor, count = best_of(options.repeat, openpyxl_floor, content)
    print(f"openpyxl read_only iter_rows(values_only=True): {floor:.2f} s（{count:,} 行）")
    calamine = best_of(options.repeat, calamine_floor, content)
    if calamine[1] is None:
        print("python-calamine: 未安装，跳过")
    else:
        print(f"python-calamine: {calamine[0]:.2f} s")

    spent, result = best_of(options.repeat, parse, SHEET, content)
    if not result.ok or len(result.rows) != options.rows:
        raise SystemExit(f"parse() 结果不对：\n{result.summary(limit=10)}")
    print(f"parse(): {spent:.2f} s（{len(result.rows):,} 行，{spent / options.rows * 1e6:.1f} µs/行）")
    print(f"parse() / openpyxl = {spent / floor:.2f}")
    if calamine[1] is not None:
        print(f"parse() / python-calamine = {spent / calamine[0]:.2f}")


if __name__ == "__main__":
    main()
