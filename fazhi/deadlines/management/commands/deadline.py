"""fazhi deadline START N 日|工作日 | fazhi deadline START RULE_CODE | fazhi deadline --rules"""

import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from fazhi.errors import FazhiError

from ...calendar import PROVISIONAL_LABEL
from ...engine import Deadline, Pause, due_date, due_for_rule
from ...rules import RULES

USAGE = (
    "用法：fazhi deadline 起算日 天数 日|工作日|月|年；fazhi deadline 起算日 规则代码；fazhi deadline --rules。"
    "起算日写成 YYYY-MM-DD，例如 fazhi deadline 2024-09-27 15 日。"
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(text: str, what: str = "起算日") -> date:
    try:
        if _ISO.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CommandError(f"{what}“{text}”不是有效日期，请写成 YYYY-MM-DD，例如 2024-09-27。")


def parse_pause(text: str) -> Pause | tuple:
    parts = text.split(",", 2)
    if len(parts) < 2:
        raise CommandError(
            f"中止期间“{text}”应写成 开始日期,结束日期[,事由]，例如 2024-10-09,2024-10-15,补正。"
        )
    first, last = parse_day(parts[0], "中止开始日期"), parse_day(parts[1], "中止结束日期")
    return (first, last, parts[2]) if len(parts) == 3 else (first, last)


class Command(BaseCommand):
    help = "计算法定期限的届满日，并说明计算过程；或列出期限规则表。"

    def add_arguments(self, parser):
        parser.add_argument("args", nargs="*", metavar="起算日 天数 单位 | 起算日 规则代码")
        parser.add_argument("--rules", action="store_true", help="列出期限规则表")
        parser.add_argument(
            "--pause",
            action="append",
            default=[],
            metavar="开始,结束[,事由]",
            help="中止计算的期间（两端均含），可重复，例如 --pause 2024-10-09,2024-10-15,补正",
        )
        parser.add_argument(
            "--extend", type=int, default=0, metavar="N", help="经批准延长的期限（与期限同单位）"
        )

    def handle(self, *args, **options):
        if options["rules"]:
            if args:
                raise CommandError("--rules 不需要其他参数。")
            self.list_rules()
            return
        pauses = [parse_pause(text) for text in options["pause"]]
        try:
            if len(args) == 3:
                length = self.parse_length(args[1])
                deadline = due_date(
                    parse_day(args[0]), length, args[2], pauses=pauses, extension=options["extend"]
                )
            elif len(args) == 2:
                deadline = due_for_rule(
                    args[1], parse_day(args[0]), paused_periods=pauses, extension=options["extend"] or None
                )
            else:
                raise CommandError(USAGE)
        except FazhiError as error:
            raise CommandError(error.message) from None
        except DatabaseError:  # the holiday notices live in the database
            raise CommandError("数据库尚未初始化：请先运行 fazhi migrate（make run 会自动运行）。") from None
        self.print_deadline(deadline)

    @staticmethod
    def parse_length(text: str) -> int:
        if not text.isdecimal() or int(text) < 1:
            raise CommandError(f"天数“{text}”必须是正整数。{USAGE}")
        return int(text)

    def print_deadline(self, deadline: Deadline) -> None:
        first, *rest = deadline.explanation
        # The date stays first on the line (scripts split on it); a provisional one says so right after it.
        head = (
            f"{deadline.due.isoformat()} {PROVISIONAL_LABEL}"
            if deadline.provisional
            else deadline.due.isoformat()
        )
        self.stdout.write(f"{head}  {first}")
        if deadline.warning_date:
            # 信访: the office works to the calendar end; the legal end above is rolled past rest days.
            self.stdout.write(f"{'':12}办理预警日：{deadline.warning_date.isoformat()}（法定届满日顺延前）")
        for line in rest:
            self.stdout.write(f"{'':12}{line}")

    def list_rules(self) -> None:
        width = max(len(rule.code) for rule in RULES)
        for rule in RULES:
            flag = "（条文待核）" if rule.to_check else ""
            self.stdout.write(f"{rule.code:<{width}}  {rule.name}  {rule.period_text}  {rule.source}{flag}")
