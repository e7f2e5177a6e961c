"""Reply letters from templates: the first draft of an item's reply, by kind, which the handler then edits
(services.draft_reply keeps what they wrote). The deputy's or member's name is written in full, as on the
letter itself; the phone number never appears in a reply."""

from .models import Suggestion, SuggestionKind

OPENINGS = {
    SuggestionKind.NPC: "{proposer}代表：\n\n您提出的《{content}》收悉。",
    SuggestionKind.CPPCC: "{proposer}委员：\n\n您提出的《{content}》提案收悉。",
    SuggestionKind.PROCURATORATE: "{issuer}：\n\n贵院{letter}检察建议书收悉。",
    SuggestionKind.JUDICIAL: "{issuer}：\n\n贵院{letter}司法建议书收悉。",
    SuggestionKind.SUPERVISION: "{issuer}：\n\n关于{content}的督办事项{letter}收悉。",
    SuggestionKind.AUDIT: "{issuer}：\n\n关于{audited_entity}的审计{letter}所提问题，现将整改情况报告如下。",
    SuggestionKind.INSPECTION: "{issuer}：\n\n法治督察反馈意见{letter}收悉。",
}
BODY = (
    "我单位高度重视，{handlers}认真研究办理{contacts}。现将有关情况答复如下：\n\n"
    "一、基本情况\n（请填写）\n\n二、办理（整改）措施\n{measures}\n\n三、下一步工作\n（请填写）\n\n"
    "感谢对我单位工作的关心和支持。\n\n{org}"
)


def _measures(item: Suggestion) -> str:
    rows = [
        f"{n}. {m.problem}：{m.action}（责任人：{m.owner}）" for n, m in enumerate(item.measures.all(), 1)
    ]
    return "\n".join(rows) or "（请填写）"


def reply_letter(item: Suggestion) -> str:
    """The draft reply of ``item``, from its kind's template and what the record already knows."""
    handlers = list(item.handlers.all())
    co = [h.unit.name for h in handlers if not h.lead]
    contacts = list(item.contacts.all())
    values = {
        "proposer": item.proposer or "（姓名）",
        "content": item.content[:40],
        "issuer": item.issuer,
        "letter": f"（{item.letter_number}）" if item.letter_number else "",
        "audited_entity": item.audited_entity or "被审计单位",
        "handlers": f"会同{'、'.join(co)}" if co else "",
        "contacts": f"，并于{contacts[0].on.month}月{contacts[0].on.day}日与您{contacts[0].get_mode_display()}"
        if contacts and item.kind in (SuggestionKind.NPC, SuggestionKind.CPPCC)
        else "",
        "measures": _measures(item),
        "org": item.org.name,
    }
    return OPENINGS[item.kind].format(**values) + "\n" + BODY.format(**values)
