"""What one 街道-year batch knows: its 街道, year, random source, size and the last day it may reach."""

import datetime
import random
from dataclasses import dataclass

from .tree import Street


@dataclass
class Batch:
    street: Street
    year: int
    seed: int
    scale: float
    size: float  # the 街道's size relative to an average one (0.7–1.4), the same every year
    growth: float  # caseload growth since the first year (≈ +6 % a year)
    today: datetime.date

    @property
    def rng(self) -> random.Random:
        # A fresh source per call site keeps each ledger's records independent of the others'.
        return random.Random(self.seed)

    def count(self, per_year: float, *, at_least: int = 0) -> int:
        return max(at_least, round(per_year * self.size * self.growth * self.scale))

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def end(self) -> datetime.date:
        """The last day records of this year may be dated: 31 December, or today for the current year."""
        return min(datetime.date(self.year, 12, 31), self.today)

    def day(self, rng: random.Random, start=None, end=None) -> datetime.date:
        start, end = start or self.start, end or self.end
        return start + datetime.timedelta(days=rng.randrange(max((end - start).days, 0) + 1))

    def later(self, rng: random.Random, day: datetime.date, low: int, high: int) -> datetime.date:
        return day + datetime.timedelta(days=rng.randint(low, high))

    @property
    def label(self) -> str:
        return f"生成数据 {self.street.org.name}{self.year}年"
