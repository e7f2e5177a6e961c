"""The outbound channels against local receivers: a real HTTP server thread for the webhook and a small
real SMTP server for e-mail, each delivery sent by the real worker (django-tasks-db's db_worker in batch
mode) and recorded with its status, attempts and, on failure, a Chinese error."""

import hashlib
import hmac
import json
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from fazhi import crypto
from fazhi.notices.models import Channel, ChannelKind, Delivery, DeliveryStatus, Kind
from fazhi.notices.services import notify
from fazhi.notices.tasks import MAX_ATTEMPTS, deliver
from tests.jobs.job_helpers import run_worker

pytestmark = pytest.mark.django_db


class Webhook:
    """A local receiver: answers ``status`` and keeps what it was sent."""

    def __init__(self, status=200):
        self.received, self.status = [], status
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append((dict(self.headers), body))
                self.send_response(outer.status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/notify"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Smtp:
    """A minimal local SMTP server (HELO/EHLO, MAIL, RCPT, DATA, QUIT) keeping each message's data."""

    def __init__(self):
        self.messages = []
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self):
                self.reply("220 localhost test SMTP")
                envelope = {"to": []}
                while line := self.rfile.readline():
                    command = line.decode().strip()
                    verb = command[:4].upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250 localhost")
                    elif verb == "MAIL":
                        envelope["from"] = command
                        self.reply("250 OK")
                    elif verb == "RCPT":
                        envelope["to"].append(command)
                        self.reply("250 OK")
                    elif verb == "DATA":
                        self.reply("354 end with .")
                        data = b""
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data += chunk
                        outer.messages.append((envelope, data))
                        envelope = {"to": []}
                        self.reply("250 queued")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("250 OK")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook():
    receiver = Webhook()
    yield receiver
    receiver.close()


@pytest.fixture
def smtp():
    server = Smtp()
    yield server
    server.close()


@pytest.fixture
def mediator(tree, person):
    return person("m", "handler", tree["a-tw"], full_name="李调解", email="li@example.gov.cn")


def _notice(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the deliveries are queued once committed
        [notice] = notify([user], Kind.DISPATCH, "新分派的纠纷：甲调〔2026〕1号（甲街道分派）", "张三与李四")
    return notice


def test_a_webhook_receives_the_notice_as_signed_json(webhook, mediator, django_capture_on_commit_callbacks):
    Channel.objects.create(
        name="浙政钉网关", kind=ChannelKind.WEBHOOK, url=webhook.url, secret=crypto.encrypt("s3cret")
    )
    notice = _notice(mediator, django_capture_on_commit_callbacks)
    run_worker()
    [(headers, body)] = webhook.received
    data = json.loads(body)
    assert data["title"] == notice.title and data["kind"] == "dispatch" and data["kind_label"] == "分派"
    assert data["recipient"]["username"] == "m" and data["recipient"]["name"] == "李调解"
    assert "张三" not in body.decode()  # the summary (and a party's name) never leaves the system
    expected = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert headers["X-Fazhi-Signature"] == expected
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.SENT and delivery.attempts == 1 and delivery.error == ""


def test_a_refusing_webhook_is_retried_then_recorded_as_failed_in_chinese(
    mediator, django_capture_on_commit_callbacks
):
    receiver = Webhook(status=503)
    try:
        Channel.objects.create(name="短信网关", kind=ChannelKind.WEBHOOK, url=receiver.url)
        _notice(mediator, django_capture_on_commit_callbacks)
        run_worker()  # the first attempt; the retry waits its minutes
        delivery = Delivery.objects.get()
        assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
        assert "HTTP 503" in delivery.error and "对方未接收" in delivery.error
        for _ in range(MAX_ATTEMPTS - 1):
            deliver.call(delivery.pk)
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == MAX_ATTEMPTS
        assert delivery.error.startswith(f"已尝试 {MAX_ATTEMPTS} 次仍未成功") and len(receiver.received) == 3
        assert deliver.call(delivery.pk) == "skipped"  # a failed delivery is not sent again by a stray task
    finally:
        receiver.close()


def test_an_unreachable_webhook_says_so(mediator, django_capture_on_commit_callbacks):
    receiver = Webhook()
    url = receiver.url
    receiver.close()  # nothing listens there any more
    Channel.objects.create(name="断开的网关", kind=ChannelKind.WEBHOOK, url=url)
    _notice(mediator, django_capture_on_commit_callbacks)
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.attempts == 1 and "无法连接 Webhook 地址" in delivery.error


def test_an_email_goes_through_a_real_smtp_server(smtp, mediator, django_capture_on_commit_callbacks):
    Channel.objects.create(
        name="单位邮箱",
        kind=ChannelKind.EMAIL,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        from_email="fazhi@example.gov.cn",
    )
    notice = _notice(mediator, django_capture_on_commit_callbacks)
    run_worker()
    [(envelope, data)] = smtp.messages
    assert "li@example.gov.cn" in envelope["to"][0] and "fazhi@example.gov.cn" in envelope["from"]
    from email import message_from_bytes, policy

    message = message_from_bytes(data, policy=policy.default)
    assert message["Subject"] == f"【法治街道工作台】{notice.title}"
    assert notice.link in message.get_content() if notice.link else "分派" in message.get_content()
    assert "张三" not in message.get_content()
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_a_person_without_an_email_address_is_a_recorded_failure(
    tree, person, smtp, django_capture_on_commit_callbacks
):
    nobody = person("n", "handler", tree["a-tw"])
    Channel.objects.create(
        name="单位邮箱",
        kind=ChannelKind.EMAIL,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        from_email="f@x.cn",
    )
    _notice(nobody, django_capture_on_commit_callbacks)
    run_worker()
    delivery = Delivery.objects.get()
    assert "没有填写电子邮箱" in delivery.error and smtp.messages == []


def test_a_disabled_channel_is_not_used(webhook, mediator, django_capture_on_commit_callbacks):
    Channel.objects.create(name="停用", kind=ChannelKind.WEBHOOK, url=webhook.url, enabled=False)
    _notice(mediator, django_capture_on_commit_callbacks)
    assert not Delivery.objects.exists()
