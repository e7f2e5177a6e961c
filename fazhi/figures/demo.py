"""Demo: hand-entered figures of the 五常 2024 report and the 2023 baseline its year-on-year rate implies."""

from . import registry
from .manual import import_baseline, set_value
from .models import ManualFigure

# (code, label, unit, other wordings, 五常 2024 value as the seed report states it)
HAND_ENTERED = [
    ("manual.mediator_training", "调解员培训", "人次", "调解业务培训", 250),
    ("manual.legal_lectures", "法律讲座", "场", "开展法律讲座", 42),
    ("manual.publicity_materials", "普法宣传资料", "份", "法治宣传折页", 3000),
    ("manual.legal_consultations", "法律咨询", "人次", "接受法律咨询", 700),
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
