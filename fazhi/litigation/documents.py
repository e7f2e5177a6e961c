"""A case's documents to print (fazhi.ledger.documents): the 授权委托书 the organ gives its agents and the
出庭人员报备 of who appears at the hearing (行政机关负责人出庭, 行政诉讼法 第三条第三款), each from a Word
template an office may replace; defaults in ``document_templates/`` beside this file."""

from fazhi.ledger.documents import Document, blank, body, day_text, each, plain, right, table
from fazhi.ledger.parties import masked_parties

from .models import CasePartyRole

SIGNATURE = (blank(), right("{{ unit }}（盖章）"), right("{{ today }}"))

SAMPLE = {
    "kind": "行政诉讼",
    "court": "某某区人民法院",
    "case_number": "（2024）某0101行初1号",
    "cause": "行政处罚",
    "own_role": "被告/被申请人",
    "disputed_act": "某某街道办事处作出的行政处罚决定",
    "opponents": "张某某",
    "parties": [{"role": "原告/申请人", "name": "张某某"}],
    "copy_received_on": "2024年3月5日",
    "hearing_on": "2024年4月10日",
    "appeared_by": "李某（副主任）、王某（法律顾问）",
    "head_appeared": "是",
}


def values(case, user, **options) -> dict:
    parties = masked_parties(user, case, in_file=True)
    hearing = case.hearings.order_by("-held_on", "-pk").first()
    return {
        "kind": case.get_kind_display(),
        "court": case.court,
        "case_number": case.external_number,
        "cause": case.cause,
        "own_role": case.get_own_role_display(),
        "disputed_act": case.disputed_act,
        "opponents": "、".join(p.name for p in parties if p.role == CasePartyRole.PLAINTIFF),
        "parties": [{"role": p.get_role_display(), "name": p.name} for p in parties],
        "copy_received_on": day_text(case.copy_received_on),
        "hearing_on": day_text(hearing.held_on) if hearing else "____年__月__日",
        "appeared_by": hearing.appeared_by if hearing else "",
        "head_appeared": ("是" if hearing.head_appeared else "否") if hearing else "",
    }


DOCUMENTS = (
    Document(
        "power_of_attorney",
        "授权委托书",
        values,
        SAMPLE,
        blocks=(
            plain("委托人：{{ unit }}"),
            plain("法定代表人（负责人）：______________　职务：______________"),
            plain("受委托人：______________　工作单位及职务：______________　联系电话：______________"),
            plain("受委托人：______________　工作单位及职务：______________　联系电话：______________"),
            body(
                "现委托上列受委托人在{% if opponents %}{{ opponents }}与我单位{% endif %}"
                "{% if cause %}{{ cause }}{% endif %}{{ kind }}一案{% if case_number %}（{{ case_number }}）{% endif %}中，"
                "作为我单位的代理人。"
            ),
            body(
                "代理权限：一般代理 / 特别授权（代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉）。"
            ),
            body("委托期限：自本委托书签发之日起至本案本审级终结之日止。"),
            blank(),
            plain("此致"),
            plain("{{ court }}"),
            *SIGNATURE,
        ),
    ),
    Document(
        "appearance_report",
        "出庭人员报备",
        values,
        SAMPLE,
        blocks=(
            table(
                ("案　　号", "{{ case_number or number }}"),
                ("案件类别", "{{ kind }}"),
                ("案　　由", "{{ cause }}"),
                ("法院或复议机关", "{{ court }}"),
                ("我方地位", "{{ own_role }}"),
                ("对方当事人", "{{ opponents }}"),
                ("开庭（听证）日期", "{{ hearing_on }}"),
                ("出庭人员", "{{ appeared_by }}"),
                ("负责人是否出庭", "{{ head_appeared }}"),
            ),
            *each("party in parties", "{{ party.role }}：{{ party.name }}"),
            *SIGNATURE,
        ),
    ),
)
