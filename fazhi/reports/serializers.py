from rest_framework import serializers

from fazhi.orgs.models import Organisation

from . import outline
from .models import AnnualReport, Paragraph, Section
from .placeholders import to_text


class ReportSerializer(serializers.ModelSerializer):
    org = serializers.SlugRelatedField(slug_field="code", read_only=True)
    org_name = serializers.CharField(source="org.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    frozen = serializers.BooleanField(read_only=True)

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "org",
            "org_name",
            "year",
            "title",
            "status",
            "status_label",
            "signed",
            "publish_due",
            "published_on",
            "frozen",
            "version",
            "updated_at",
        ]
        read_only_fields = fields


class ParagraphSerializer(serializers.ModelSerializer):
    rendered = serializers.SerializerMethodField(help_text="数字代入后的文字")

    class Meta:
        model = Paragraph
        fields = ["id", "order", "draft_key", "source", "text", "rendered", "version"]
        read_only_fields = fields

    def get_rendered(self, paragraph) -> str:
        return to_text(paragraph.text, self.context.get("values", {}))


class SectionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="key", read_only=True)
    paragraphs = serializers.SerializerMethodField()

    class Meta:
        model = Section
        fields = ["id", "key", "parent", "number", "title", "mandated", "paragraphs"]
        read_only_fields = fields

    def get_paragraphs(self, section) -> list[dict]:
        return ParagraphSerializer(section.paragraphs.all(), many=True, context=self.context).data


class ActionSerializer(serializers.Serializer):
    action = serializers.CharField()
    label = serializers.CharField()


class ReportDetailSerializer(ReportSerializer):
    sections = serializers.SerializerMethodField()
    problems = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="完整性检查发现的问题"
    )
    actions = ActionSerializer(many=True, read_only=True, help_text="当前用户现在可以进行的操作")

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "sections", "problems", "actions"]
        read_only_fields = fields

    def get_sections(self, report) -> list[dict]:
        sections = report.sections.all().prefetch_related("paragraphs")
        return SectionSerializer(sections, many=True, context=self.context).data


class ReportCreateSerializer(serializers.Serializer):
    org = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisation.objects.all(), help_text="单位代码"
    )
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    title = serializers.CharField(required=False, allow_blank=True, max_length=200)
    chapters = serializers.ListField(
        child=serializers.ChoiceField(choices=list(outline.CHAPTER_KEYS)),
        required=False,
        help_text="第一部分采用的纲要章节代码，不填为全部",
    )
    draft = serializers.BooleanField(default=True, help_text="创建后立即根据台账数据起草")


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="您看到的报告版本（乐观锁）")


class TransitionSerializer(VersionSerializer):
    action = serializers.ChoiceField(choices=["submit", "return", "approve", "reopen", "publish"])


class ParagraphInputSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="您看到的段落版本（乐观锁）")
    text = serializers.CharField(allow_blank=True, required=False)
    redraft = serializers.BooleanField(
        default=False, help_text="为 true 时按最新数据重新生成本段（放弃人工修改）"
    )
