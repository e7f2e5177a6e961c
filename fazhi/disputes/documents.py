"""The dispute's documents to print (fazhi.ledger.documents), each from a Word template an office may
replace; the defaults are ``document_templates/<code>.docx`` beside this file, written from the blocks below by
``python -m fazhi.ledger.document_defaults``.

The 人民调解协议书 carries what 《人民调解法》第二十九条 requires: the parties' basic facts; the main facts of
the dispute, the matters in dispute and each party's responsibility; the agreed terms with the manner and
time of performance; signatures, the mediator and the committee's seal. Parties' ID numbers and phones are
whole only for a reader who sees personal data in the dispute's unit (``masked_parties(…, in_file=True)``)."""

from fazhi.ledger.documents import (
    Document,
    blank,
    body,
    day_text,
    each,
    heading,
    money_text,
    plain,
    right,
    table,
)
from fazhi.ledger.parties import masked_parties

from .models import SUCCESS, PartyKind, PartyRole

SIGNATURE = (blank(), right("{{ unit }}（印章）"), right("{{ today }}"))

PARTY_SAMPLE = {
    "role": "申请人",
    "name": "张某某",
    "kind": "自然人",
    "id_number": "**************1234",
    "phone": "*******5678",
    "address": "某某社区某某路1号",
}
SESSION_SAMPLE = {
    "day": "2024年3月6日",
    "place": "调解室",
    "mediators": "李某",
    "participants": "张某某、王某某",
    "notes": "双方陈述了各自意见。",
}
SAMPLE = {
    "parties": [PARTY_SAMPLE, PARTY_SAMPLE | {"role": "被申请人", "name": "王某某"}],
    "applicants": "张某某",
    "respondents": "王某某",
    "party_names": "张某某、王某某",
    "received_on": "2024年3月5日",
    "channel": "来访",
    "dispute_type": "邻里纠纷",
    "summary": "双方因噪声问题发生纠纷。",
    "persons_involved": 2,
    "amount_involved": "人民币5000元",
    "status": "调解成功",
    "sessions": [SESSION_SAMPLE],
    "mediators": "李某",
    "concluded_on": "2024年3月20日",
    "agreement_text": "王某某于2024年4月1日前支付张某某人民币3000元。",
    "amount_agreed": "人民币3000元",
    "performance_method": "银行转账",
    "performance_due": "2024年4月1日",
    "confirmation_due": "2024年4月19日",
    "confirmation_court": "某某区人民法院",
}


def _party(party) -> dict:
    return {
        "role": party.get_role_display(),
        "name": party.name,
        "kind": "单位" if party.kind == PartyKind.ORGANISATION else "自然人",
        "id_number": party.id_number or "",
        "phone": party.phone or "",
        "address": party.address or "",
    }


def values(dispute, user) -> dict:
    parties = masked_parties(user, dispute, in_file=True)
    sessions = list(dispute.sessions.order_by("held_on", "pk"))
    names = lambda role: "、".join(p.name for p in parties if p.role == role)  # noqa: E731
    return {
        "parties": [_party(p) for p in parties],
        "applicants": names(PartyRole.APPLICANT),
        "respondents": names(PartyRole.RESPONDENT),
        "party_names": "、".join(p.name for p in parties),
        "received_on": day_text(dispute.received_on),
        "channel": dispute.get_channel_display(),
        "dispute_type": str(dispute.dispute_type),
        "summary": dispute.summary,
        "persons_involved": dispute.persons_involved,
        "amount_involved": money_text(dispute.amount_involved),
        "status": dispute.status_label,
        "sessions": [
            {
                "day": day_text(s.held_on),
                "place": s.place,
                "mediators": s.mediators,
                "participants": s.participants,
                "notes": s.notes,
            }
            for s in sessions
        ],
        "mediators": "、".join(dict.fromkeys(s.mediators for s in sessions)),
        "concluded_on": day_text(dispute.concluded_on),
        "agreement_text": dispute.agreement_text,
        "amount_agreed": money_text(dispute.amount_agreed),
        "performance_method": dispute.performance_method or "按上述协议内容履行",
        "performance_due": day_text(dispute.performance_due)
        if dispute.performance_due
        else "协议生效后即时履行",
        "confirmation_due": day_text(dispute.confirmation_due) if dispute.confirmation_due else "",
        "confirmation_court": dispute.confirmation_court,
    }


def _context(dispute, user, **options) -> dict:
    return values(dispute, user)


def _succeeded(dispute) -> bool:
    return dispute.status == SUCCESS


PARTY_LINES = each(
    "party in parties",
    "{{ party.role }}：{{ party.name }}（{{ party.kind }}）{% if party.id_number %}，身份证号码：{{ party.id_number }}"
    "{% endif %}{% if party.phone %}，联系电话：{{ party.phone }}{% endif %}{% if party.address %}，"
    "住所：{{ party.address }}{% endif %}",
)


def document(code: str, title: str, *blocks, available=None) -> Document:
    extra = {"available": available} if available else {}
    return Document(code, title, _context, SAMPLE, blocks=tuple(blocks), **extra)


DOCUMENTS = (
    document(
        "acceptance_notice",
        "受理通知书",
        plain("{{ party_names }}："),
        body(
            "你（们）于{{ received_on }}以{{ channel }}方式申请调解的纠纷（{{ dispute_type }}），经审查，"
            "符合《中华人民共和国人民调解法》规定的受理条件，本委员会决定予以受理。"
        ),
        body(
            "人民调解遵循当事人自愿、平等的原则，不收取任何费用。当事人在人民调解活动中享有选择或者接受"
            "人民调解员、接受调解或拒绝调解、要求公开或者不公开调解、自主表达意愿和自愿达成调解协议的权利；"
            "应当如实陈述纠纷事实，遵守调解现场秩序，尊重人民调解员，尊重对方当事人行使权利。"
        ),
        body("特此通知。"),
        *SIGNATURE,
    ),
    document(
        "application",
        "调解申请书",
        heading("一、当事人基本情况"),
        *PARTY_LINES,
        heading("二、申请调解事项及理由"),
        body(
            "纠纷类型：{{ dispute_type }}；涉及人数：{{ persons_involved }}人；涉及金额：{{ amount_involved }}。"
        ),
        body("{{ summary }}"),
        body("现申请{{ unit }}予以调解。"),
        blank(),
        right("申请人（签名或盖章）：______________"),
        right("{{ received_on }}"),
    ),
    document(
        "session_record",
        "调解笔录",
        plain("当事人：{{ party_names }}"),
        plain("纠纷类型：{{ dispute_type }}"),
        plain("{%p for s in sessions %}"),
        heading("调解（{{ loop.index }}）"),
        plain("时间：{{ s.day }}　　地点：{{ s.place }}"),
        plain("调解员：{{ s.mediators }}"),
        plain("参加人员：{{ s.participants }}"),
        plain("调解情况："),
        body("{{ s.notes }}"),
        plain("{%p endfor %}"),
        blank(),
        plain("当事人（签名）：______________　　调解员（签名）：______________"),
        plain("记录人（签名）：______________"),
    ),
    document(
        "agreement",
        "人民调解协议书",
        heading("一、当事人基本情况"),
        *PARTY_LINES,
        heading("二、纠纷的主要事实、争议事项及各方当事人的责任"),
        body("纠纷类型：{{ dispute_type }}。受理日期：{{ received_on }}。"),
        body("{{ summary }}"),
        heading("三、经调解，各方当事人自愿达成如下协议"),
        body("{{ agreement_text }}"),
        body("{% if amount_agreed %}协议金额：{{ amount_agreed }}。{% endif %}"),
        heading("四、履行方式和期限"),
        body("履行方式：{{ performance_method }}。"),
        body("履行期限：{{ performance_due }}。"),
        body(
            "本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"
            "本协议书一式三份，双方当事人、人民调解委员会各执一份。"
            "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。"
        ),
        blank(),
        *each("party in parties", "{{ party.role }}（签名、盖章或按指印）：______________　{{ party.name }}"),
        plain("人民调解员（签名）：{{ mediators or '______________' }}"),
        right("{{ unit }}（印章）"),
        right("{{ concluded_on }}"),
        available=_succeeded,
    ),
    document(
        "service_receipt",
        "送达回证",
        table(
            ("案　　号", "{{ number }}"),
            ("送达文书", "______________"),
            ("受送达人", "{{ party_names }}"),
            ("送达地点", ""),
            ("送达方式", "直接送达 / 邮寄送达 / 电子送达"),
            ("受送达人签收", "　　　　　　　　年　　月　　日"),
            ("代收人及代收理由", ""),
            ("送达人", ""),
            ("备　　注", ""),
        ),
        *SIGNATURE,
    ),
    document(
        "confirmation_application",
        "司法确认申请书",
        heading("一、申请人基本情况"),
        *PARTY_LINES,
        heading("二、请求事项"),
        body(
            "请求确认申请人于{{ concluded_on }}经{{ unit }}主持调解达成的人民调解协议有效"
            "（协议编号：{{ number }}）。"
        ),
        heading("三、事实和理由"),
        body("{{ summary }}"),
        body(
            "经{{ unit }}主持调解，双方自愿达成调解协议（见所附人民调解协议书）。该协议系双方真实意思表示，"
            "不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。"
            "根据《中华人民共和国人民调解法》第三十三条和《中华人民共和国民事诉讼法》的有关规定，"
            "申请人共同申请司法确认。"
        ),
        body("协议内容：{{ agreement_text }}"),
        blank(),
        plain("此致"),
        plain("{{ confirmation_court or '______人民法院' }}"),
        blank(),
        *each("party in parties", "{{ party.role }}（签名或盖章）：______________　{{ party.name }}"),
        right("____年__月__日"),
        available=_succeeded,
    ),
    document(
        "file_cover",
        "卷宗封面",
        table(
            ("案　　号", "{{ number }}"),
            ("纠纷类型", "{{ dispute_type }}"),
            ("当 事 人", "{{ party_names }}"),
            ("受理日期", "{{ received_on }}"),
            ("办结日期", "{{ concluded_on }}"),
            ("办理结果", "{{ status }}"),
            ("调 解 员", "{{ mediators }}"),
            ("立 卷 人", ""),
            ("保管期限", ""),
        ),
        *SIGNATURE,
    ),
)
