"""Password complexity of 等保 level 3: characters from at least three of four classes."""

import string

from django.core.exceptions import ValidationError

CLASSES = (
    ("大写字母", str.isupper),
    ("小写字母", str.islower),
    ("数字", str.isdigit),
    ("符号", lambda c: c in string.punctuation or not (c.isalnum() or c.isspace())),
)


def classes_in(password: str) -> set[str]:
    return {label for label, test in CLASSES if any(test(c) for c in password)}


class CharacterClassValidator:
    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        present = classes_in(password)
        if len(present) < self.min_classes:
            missing = "、".join(label for label, _ in CLASSES if label not in present)
            raise ValidationError(
                "密码须包含大写字母、小写字母、数字、符号中的至少%(min)d类，当前只有%(count)d类；请加入%(missing)s中的字符。",
                code="password_too_simple",
                params={"min": self.min_classes, "count": len(present), "missing": missing},
            )

    def get_help_text(self):
        return f"密码须包含大写字母、小写字母、数字、符号中的至少{self.min_classes}类。"
