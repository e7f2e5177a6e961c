"""`fazhi gen_data`: fill the database with a generated district for benchmarks and load tests."""

import time

from django.core.management.base import BaseCommand, CommandError

from fazhi.ops.gen import AlreadyGenerated, generate


class Command(BaseCommand):
    help = "生成模拟数据：一个区的 N 个街道（每街道约8个社区）× Y 年的各类台账记录（默认约百万行）。"

    def add_arguments(self, parser):
        parser.add_argument("--streets", type=int, default=10, help="街道数（默认10）")
        parser.add_argument("--years", type=int, default=5, help="年数（默认5）")
        parser.add_argument("--start-year", type=int, default=2021, help="起始年份（默认2021）")
        parser.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成相同数据")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="记录数倍率（默认1.0：每街道每年约3000件纠纷）"
        )

    def handle(self, *args, streets, years, start_year, seed, scale, **options):
        if streets < 1 or years < 1 or scale <= 0:
            raise CommandError("街道数、年数须为正整数，倍率须大于0。")
        began = time.perf_counter()
        try:
            totals = generate(
                streets=streets,
                years=years,
                start_year=start_year,
                seed=seed,
                scale=scale,
                out=lambda line: self.stdout.write(line),
            )
        except AlreadyGenerated as exc:
            raise CommandError(str(exc)) from exc
        spent = time.perf_counter() - began
        self.stdout.write("台账行数（记录及其当事人、分派、调解记录、审查轮次、文书、庭审等）：")
        for label, count in totals.items():
            self.stdout.write(f"  {label}：{count:,}")
        total = sum(totals.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"合计 {total:,} 行，用时 {spent:.1f} s（{total / max(spent, 1e-9):,.0f} 行/秒）"
            )
        )
