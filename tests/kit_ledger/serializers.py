from fazhi.ledger.api import RECORD_FIELDS, RecordSerializer

from .models import Notice


class NoticeSerializer(RecordSerializer):
    class Meta:
        model = Notice
        fields = [
            *RECORD_FIELDS,
            "title",
            "issued_on",
            "due_date",
            "note",
            "done_on",
            "result",
            "close_reason",
        ]
