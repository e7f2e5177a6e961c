"""The request lifecycle and the reply clock in working days (July 2026 has no holiday, so each date
below can be counted on a calendar by hand)."""

import datetime

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.disclosure import services
from fazhi.disclosure.models import Applicant, DisclosureRequest, Outcome
from fazhi.errors import FazhiError, NotPermitted, StaleEdit, TransitionNotAllowed
from fazhi.ledger.personal import personal_lookup
from tests.disclosure.disclosure_fixtures import ID_A, new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

D = datetime.date
JULY_1 = D(2026, 7, 1)  # a Wednesday


@pytest.fixture
def office(tree, person):
    return person("office_a", "petition", tree["a"])


def test_register_numbers_counts_twenty_working_days_and_encrypts(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    assert r.number == "甲公〔2026〕0001号"
    assert r.status == "received"
    # 20 working days after 1 July (the day itself not counted): 29 July
    assert r.due_date == D(2026, 7, 29)
    # 补正 must be told within 7 working days: 10 July
    assert r.correction_notice_due == D(2026, 7, 10)
    assert personal_lookup(Applicant.objects.all(), "id_number", ID_A).get().name == "张三"
    assert AuditEntry.objects.filter(action=Action.CREATE, target_repr=r.number).exists()


def test_receipt_day_follows_the_channel(tree, office):
    with pytest.raises(FazhiError) as exc:
        new_request(office, tree["a"], received_on=JULY_1, submitted_on=D(2026, 6, 29))
    assert "当面提交" in exc.value.message and "received_on" in exc.value.fields
    # by post: the day signed for, after the day it was sent
    r = new_request(office, tree["a"], channel="post", submitted_on=D(2026, 6, 29), received_on=JULY_1)
    assert r.due_date == D(2026, 7, 29)
    with pytest.raises(FazhiError):
        new_request(office, tree["a"], channel="post", submitted_on=JULY_1, received_on=D(2026, 6, 30))


def test_correction_stops_the_clock_and_restarts_it_from_the_corrected_request(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    r = services.request_correction(office, r, r.version, requested_on=D(2026, 7, 3), points="请写明文件名称")
    assert r.status == "correction" and r.due_date is None
    r = services.receive_correction(office, r, r.version, received_on=D(2026, 7, 10))
    assert r.status == "received"
    with pytest.raises(FazhiError, match="一次性告知"):
        services.request_correction(office, r, r.version, requested_on=D(2026, 7, 13), points="再补")
    # 20 working days from Friday 10 July: 7 August
    assert r.due_date == D(2026, 8, 7)
    text = "".join(r.clock_lines())
    assert "2026年7月3日告知补正，2026年7月10日收到补正材料，期限自收到之日起重新计算" in text
    assert "第三十条" in text


def test_consultation_days_are_not_counted(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    r = services.consult(office, r, r.version, kind="third_party", addressee="某公司", sent_on=D(2026, 7, 6))
    assert r.status == "consulting"
    c = r.consultations.get()
    assert c.opinion_due == D(2026, 7, 27)  # 15 working days from 6 July
    r = services.record_opinion(office, r, r.version, answered_on=D(2026, 7, 8), opinion="不同意公开")
    assert r.status == "received"
    # 6–8 July (three working days) not counted: 29 July moves to 3 August
    assert r.due_date == D(2026, 8, 3)
    text = "".join(r.clock_lines())
    assert (
        "2026年7月6日至2026年7月8日因征求第三方和其他机关意见中止计算" in text and "第三十三条第三款" in text
    )


def test_unanswered_consultation_pauses_until_its_opinion_due_date(tree, office):
    running = new_request(office, tree["a"], received_on=JULY_1)
    running = services.consult(
        office, running, running.version, kind="third_party", addressee="某人", sent_on=D(2026, 7, 6)
    )
    with pytest.raises(FazhiError, match="期满后再登记"):  # its opinion is due on 27 July
        services.record_opinion(office, running, running.version)
    r = new_request(office, tree["a"], received_on=D(2026, 6, 1))
    r = services.consult(
        office, r, r.version, kind="other_organ", addressee="区住建局", sent_on=D(2026, 6, 2)
    )
    # 15 working days after 2 June, 端午 (19 June) not counted: 24 June
    assert r.consultations.get().opinion_due == D(2026, 6, 24)
    r = services.record_opinion(office, r, r.version)
    c = r.consultations.get()
    assert c.answered_on == c.opinion_due and c.opinion == "逾期未提出意见"
    # 20 working days from 1 June, 2–24 June not counted: 25 June is the first, 22 July the twentieth
    assert r.due_date == D(2026, 7, 22)


def test_extension_once_at_most_twenty_working_days_within_the_period(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    with pytest.raises(FazhiError, match="20"):
        services.extend(
            office,
            r,
            r.version,
            days=21,
            approved_by="主任",
            approved_on=D(2026, 7, 10),
            notified_on=D(2026, 7, 10),
        )
    r = services.extend(
        office,
        r,
        r.version,
        days=20,
        approved_by="主任",
        approved_on=D(2026, 7, 10),
        notified_on=D(2026, 7, 13),
    )
    # 40 working days from 1 July: 26 August
    assert r.due_date == D(2026, 8, 26)
    with pytest.raises(FazhiError, match="不能再次延长"):
        services.extend(
            office,
            r,
            r.version,
            days=5,
            approved_by="主任",
            approved_on=D(2026, 7, 14),
            notified_on=D(2026, 7, 14),
        )


def test_extension_after_the_period_is_refused(tree, office):
    r = new_request(office, tree["a"], received_on=D(2026, 6, 1))
    assert r.due_date < D(2026, 7, 15)
    with pytest.raises(FazhiError, match="期满后不能再延长"):
        services.extend(
            office,
            r,
            r.version,
            days=10,
            approved_by="主任",
            approved_on=D(2026, 7, 15),
            notified_on=D(2026, 7, 15),
        )


def test_reply_closes_with_a_table_outcome_and_flags_a_late_one(tree, office):
    r = new_request(office, tree["a"], received_on=D(2026, 6, 1))
    due = r.due_date
    r = services.reply(
        office, r, r.version, replied_on=D(2026, 7, 15), outcome="partial", reply_summary="隐去个人信息后公开"
    )
    assert r.status == "replied" and r.is_closed and r.late
    assert "已逾期答复" in services.reply_warning(r)
    assert r.due_date == due
    assert r.deadline_status() == "ok"  # a closed record is no longer watched
    with pytest.raises(TransitionNotAllowed):
        services.reply(office, r, r.version, replied_on=D(2026, 7, 15), outcome="public")


def test_reply_outcomes_that_depend_on_the_correction(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    with pytest.raises(FazhiError, match="逾期不补正"):
        services.reply(office, r, r.version, replied_on=D(2026, 7, 14), outcome=Outcome.OTHER_NO_CORRECTION)
    with pytest.raises(FazhiError, match="补正"):
        services.reply(office, r, r.version, replied_on=D(2026, 7, 14), outcome=Outcome.UNAVAILABLE_UNCLEAR)
    r = services.request_correction(
        office, r, r.version, requested_on=D(2026, 7, 2), points="写明名称", until=D(2026, 7, 10)
    )
    with pytest.raises(FazhiError, match="收到补正"):
        services.reply(office, r, r.version, replied_on=D(2026, 7, 14), outcome="public")
    r = services.reply(office, r, r.version, replied_on=D(2026, 7, 14), outcome=Outcome.OTHER_NO_CORRECTION)
    assert r.get_outcome_display().startswith("其他处理")


def test_dates_in_the_future_and_before_receipt_are_refused(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    with pytest.raises(FazhiError) as exc:
        services.reply(office, r, r.version, replied_on=D(2026, 7, 16), outcome="public")
    assert exc.value.fields == {"replied_on": "不能晚于今天"}
    with pytest.raises(FazhiError) as exc:
        services.request_correction(office, r, r.version, requested_on=D(2026, 6, 30), points="x")
    assert "requested_on" in exc.value.fields


def test_late_correction_notice_is_saved_with_a_warning(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    r = services.request_correction(office, r, r.version, requested_on=D(2026, 7, 14), points="写明名称")
    assert "晚于法定期限" in services.correction_warning(r)


def test_rights_and_stale_edits(tree, office, person):
    r = new_request(office, tree["a"], received_on=JULY_1)
    outsider = person("b_office", "petition", tree["b"])
    with pytest.raises(NotPermitted):
        services.reply(outsider, r, r.version, replied_on=JULY_1, outcome="public")
    with pytest.raises(NotPermitted):
        new_request(outsider, tree["a"])
    services.update_details(office, r, r.version, content="改")
    with pytest.raises(StaleEdit):
        services.update_details(office, r, r.version, content="旧版本")


def test_linking_a_case_only_reconsideration_or_administrative(tree, office, person):
    from fazhi.litigation import services as litigation

    r = new_request(office, tree["a"], received_on=D(2026, 6, 1))
    r = services.reply(office, r, r.version, replied_on=D(2026, 6, 20), outcome="unavailable_not_held")
    writer = person("lit", "office", tree["a"])
    case = litigation.register_case(
        writer, org=tree["a"], kind="reconsideration", court="测试区人民政府",
        disputed_act="政府信息公开申请答复", copy_received_on=D(2026, 7, 1),
        parties=[litigation.PartyData(name="张三")],
    )  # fmt: skip
    civil = litigation.register_case(
        writer, org=tree["a"], kind="civil", court="测试区人民法院", disputed_act="合同",
        copy_received_on=D(2026, 7, 1), parties=[litigation.PartyData(name="某公司")],
    )  # fmt: skip
    with pytest.raises(FazhiError, match="行政复议或行政诉讼"):
        services.link_case(office, r, r.version, case=civil)
    r = services.link_case(office, r, r.version, case=case)
    assert list(r.cases.all()) == [case]
    with pytest.raises(FazhiError, match="已关联"):
        services.link_case(office, r, r.version, case=case)
    b_case = litigation.register_case(
        person("lit_b", "office", tree["b"]), org=tree["b"], kind="administrative", court="法院",
        disputed_act="答复", copy_received_on=D(2026, 7, 1), parties=[litigation.PartyData(name="某")],
    )  # fmt: skip
    with pytest.raises(FazhiError, match="无权查看"):
        services.link_case(office, r, r.version, case=b_case)


def test_recompute_after_a_holiday_notice_moves_an_open_request(tree, office):
    """The recompute of open records (a holiday notice entered) recounts the reply clock with its pauses."""
    r = new_request(office, tree["a"], received_on=JULY_1)
    r = services.consult(office, r, r.version, kind="third_party", addressee="某公司", sent_on=D(2026, 7, 6))
    fresh = DisclosureRequest.objects.get(pk=r.pk)
    fresh.due_date = None
    fresh.refresh_deadlines()
    assert fresh.due_date == r.due_date


def test_only_the_organ_or_its_office_holds_requests(tree, office):
    with pytest.raises(FazhiError, match="不办理政府信息公开申请"):
        new_request(office, tree["a-tw"])


def test_the_reply_letter_goes_into_the_attachments(tree, office):
    from docx import Document

    from fazhi.ledger.attachments import attachments_of

    r = new_request(office, tree["a"], received_on=JULY_1)
    r = services.reply(office, r, r.version, replied_on=D(2026, 7, 14), outcome="unavailable_not_held")
    (letter,) = attachments_of(r)
    assert letter.name == f"{r.number}政府信息公开申请答复书.docx"
    text = "\n".join(p.text for p in Document(letter.file.open("rb")).paragraphs)
    assert "该政府信息不存在" in text and "第三十六条第（四）项" in text and "申请行政复议" in text


def test_a_whole_lifecycle_verifies_against_the_audit_trail(tree, office):
    from fazhi.ledger.integrity import check_ledgers

    r = new_request(office, tree["a"], received_on=JULY_1)
    r = services.request_correction(office, r, r.version, requested_on=D(2026, 7, 2), points="写明名称")
    r = services.receive_correction(office, r, r.version, received_on=D(2026, 7, 6))
    r = services.consult(
        office, r, r.version, kind="other_organ", addressee="区住建局", sent_on=D(2026, 7, 7)
    )
    r = services.record_opinion(office, r, r.version, answered_on=D(2026, 7, 9), opinion="同意公开")
    r = services.extend(
        office,
        r,
        r.version,
        days=5,
        approved_by="主任",
        approved_on=D(2026, 7, 10),
        notified_on=D(2026, 7, 10),
    )
    services.reply(office, r, r.version, replied_on=D(2026, 7, 15), outcome="public")
    assert [p for p in check_ledgers().problems if "政府信息公开" in p] == []


def test_excessive_requests_may_be_deferred_to_a_reasonable_date(tree, office):
    r = new_request(office, tree["a"], received_on=JULY_1)
    with pytest.raises(FazhiError, match="应晚于现在的答复期限"):
        services.defer(
            office, r, r.version, until=D(2026, 7, 20), reason="一次申请200项", notified_on=D(2026, 7, 15)
        )
    r = services.defer(
        office, r, r.version, until=D(2026, 9, 30), reason="一次申请200项", notified_on=D(2026, 7, 15)
    )
    assert r.due_date == D(2026, 9, 30)
    assert "第三十五条" in r.clock_lines()[-1]
