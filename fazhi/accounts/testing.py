"""For other apps' tests: sign in a person, the second factor included when their role needs it."""

from . import otp


def login_with_second_factor(client, user) -> None:
    """client.force_login, then mark the session's TOTP step done (the admin roles need it)."""
    client.force_login(user)
    session = client.session
    session[otp.SESSION_KEY] = True
    session.save()
