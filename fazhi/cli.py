"""The `fazhi` console command: this project's manage.py with the settings preset."""

import argparse
import gettext
import os
import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def speak_chinese_in_argparse() -> None:
    """Usage lines and argument errors in Chinese ("缺少必填参数：org_code, year"), for the office's IT staff.

    argparse looks its words up through the module-level ``_``/``ngettext`` it imported from gettext, in
    gettext's default domain and the process's locale (often C or en_US on a server): it has no setting for
    a catalogue, so ours (locale/zh_Hans/LC_MESSAGES/argparse.mo) is put in their place. A missing file
    leaves argparse's English."""
    catalogue = gettext.translation("argparse", LOCALE_DIR, languages=["zh_Hans"], fallback=True)
    argparse._ = catalogue.gettext
    argparse.ngettext = catalogue.ngettext


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    from django.core.management import execute_from_command_line

    speak_chinese_in_argparse()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
