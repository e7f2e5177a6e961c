"""Demo: a hand-entered figure of the 五常 2024 report and the 2023 baseline its year-on-year rate implies.

Only what no ledger records is entered by hand. The 调解员培训250人次, the 驿站's 法律讲座42场, the 普法
materials 3000份 and the 700人次 consultations were once entered here; the learning ledger now computes them
from its records (fazhi/learning/demo.py), so they are not. What remains is 五常's 调解经费: "和合"社会组织
调解服务资金保障44万, which no ledger keeps (NEXT-LEDGERS.md, hand-entry route).
"""

from . import registry
from .manual import import_baseline, set_value
from .models import ManualFigure

# (code, label, unit, other wordings, 五常 2024 value as the seed report states it)
HAND_ENTERED = [
    ("manual.mediation_funding", "调解经费保障", "万元", "调解服务资金保障", 44),
]

# 3218 received in 2024, "同比上升18.22%": 2023 had 2722 (3218 / 1.1822).
RECEIVED_2023 = 2722
RECEIVED_PHRASE = "接收矛盾纠纷"


def load_demo(orgs, users, stdout) -> None:
    street, office = orgs["wuchang"], users["fazhiban"]
    for code, label, unit, phrases, value in HAND_ENTERED:
        ManualFigure.objects.get_or_create(
            code=code, defaults={"label": label, "unit": unit, "phrases": phrases}
        )
        set_value(office, code, street, 2024, value, note="五常街道2024年法治政府建设年度报告")
    registry.mark_stale()
    code = registry.code_for_phrase(RECEIVED_PHRASE)
    if code and not registry.get(code).hand_entered:
        import_baseline(office, street, 2023, {code: RECEIVED_2023})
        stdout.write(f"指标：五常街道2023年基线 {code}={RECEIVED_2023}（来自已发布报告）")
    stdout.write(f"指标：{len(HAND_ENTERED)}项手工填报指标（五常街道2024年）")
