"""Sending one notification over one channel: e-mail through the channel's SMTP server (Django's e-mail
backend) or a JSON POST to a webhook. Each raises SendFailed with what went wrong, in Chinese.

Only the title, kind and link leave the system, never a record's summary or a party's name: the text
travels through servers the office does not run (the same rule as the calendar feed)."""

import hashlib
import hmac
import json
import smtplib
import socket
import urllib.error
import urllib.request

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend

from .models import ChannelKind

TIMEOUT_SECONDS = 10


class SendFailed(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def absolute(link: str) -> str:
    base = getattr(settings, "FAZHI_BASE_URL", "").rstrip("/")
    return f"{base}{link}" if base and link.startswith("/") else link


def payload(notification) -> dict:
    user = notification.user
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "kind_label": notification.get_kind_display(),
        "title": notification.title,
        "url": absolute(notification.link),
        "created_at": notification.created_at.isoformat(),
        "recipient": {"username": user.get_username(), "name": user.full_name, "email": user.email},
    }


def send(channel, notification) -> None:
    if channel.kind == ChannelKind.EMAIL:
        send_email(channel, notification)
    elif channel.kind == ChannelKind.WEBHOOK:
        send_webhook(channel, notification)
    else:
        raise SendFailed(f"未知的渠道类型“{channel.kind}”，请系统管理员检查通知渠道设置。")


def send_email(channel, notification) -> None:
    address = notification.user.email
    if not address:
        raise SendFailed("该人员没有填写电子邮箱，无法发送邮件；请系统管理员在人员信息中补填。")
    link = absolute(notification.link)
    body = f"{notification.title}\n\n类别：{notification.get_kind_display()}\n"
    body += f"查看：{link}\n" if link else ""
    body += "\n（法治街道工作台自动发送，请勿回复。）"
    # The channel's own SMTP server, not the site's mail settings: an office connects it on the settings site.
    # Built as Django's mailers build a configured one (an alias and its options), one per channel.
    backend = SmtpBackend(
        alias=f"fazhi-notice-channel-{channel.pk}",
        host=channel.smtp_host,
        port=channel.smtp_port,
        username=channel.smtp_username or None,
        password=channel.plain("smtp_password") or None,
        use_tls=channel.smtp_use_tls,
        use_ssl=channel.smtp_use_ssl,
        timeout=TIMEOUT_SECONDS,
    )
    message = EmailMessage(
        subject=f"【法治街道工作台】{notification.title}",
        body=body,
        from_email=channel.from_email,
        to=[address],
    )
    where = f"{channel.smtp_host}:{channel.smtp_port}"
    try:
        if backend.send_messages([message]) != 1:
            raise SendFailed(f"SMTP 服务器 {where} 没有接收该邮件，请系统管理员检查通知渠道设置。")
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailed(f"SMTP 服务器 {where} 拒绝了用户名或密码，请系统管理员在通知渠道中核对。") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendFailed(f"SMTP 服务器拒收收件人地址 {address}，请核对该人员的电子邮箱。") from exc
    except smtplib.SMTPException as exc:
        raise SendFailed(f"SMTP 服务器 {where} 报错：{str(exc)[:200]}") from exc
    except TimeoutError as exc:
        raise SendFailed(f"SMTP 服务器 {where} 在 {TIMEOUT_SECONDS} 秒内没有答复，稍后将重试。") from exc
    except OSError as exc:
        raise SendFailed(
            f"无法连接 SMTP 服务器 {where}（{exc.strerror or exc}）：请检查服务器地址和端口，以及本机能否访问它。"
        ) from exc


def send_webhook(channel, notification) -> None:
    body = json.dumps(payload(notification), ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "fazhi-notices/1"}
    if channel.secret:
        headers["X-Fazhi-Signature"] = hmac.new(
            channel.plain("secret").encode(), body, hashlib.sha256
        ).hexdigest()
    request = urllib.request.Request(channel.url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            response.read(1024)
    except urllib.error.HTTPError as exc:
        raise SendFailed(
            f"Webhook 地址答复 HTTP {exc.code}（{exc.reason}），对方未接收；请与对方平台核对。"
        ) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise SendFailed(f"Webhook 地址在 {TIMEOUT_SECONDS} 秒内没有答复，稍后将重试。") from exc
        text = getattr(reason, "strerror", None) or str(reason)
        raise SendFailed(
            f"无法连接 Webhook 地址（{text}）：请检查地址是否正确、对方服务是否运行，以及本机能否访问它。"
        ) from exc
    except TimeoutError as exc:
        raise SendFailed(f"Webhook 地址在 {TIMEOUT_SECONDS} 秒内没有答复，稍后将重试。") from exc
    except (OSError, ValueError) as exc:
        raise SendFailed(f"Webhook 发送失败：{str(exc)[:200]}") from exc
