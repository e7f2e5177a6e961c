"""Made-up people for demo and generated data: Chinese names, valid ID numbers (check character and all)
and mobile numbers, from a seeded random source so that the same seed gives the same people."""

import datetime
import random

from fazhi.ledger.personal import id_check_char

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰建华海燕小红晓东文斌国庆"


class People:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def person_name(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))

    def id_number(self) -> str:
        r = self.rng
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=r.randrange(365 * 55))
        first = f"330110{born:%Y%m%d}{r.randrange(1000):03d}"
        return first + id_check_char(first)

    def phone(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"
