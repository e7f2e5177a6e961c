"""The one error the analyzer raises: the input cannot be read as a report."""

from fazhi.errors import FazhiError


class ReportUnreadable(FazhiError):
    """The file is empty, too large, binary, damaged or in an unknown encoding.

    The message is Chinese and says what to do (e.g. save the report as .docx or UTF-8 text).
    """

    code = "report_unreadable"
    status_code = 400
