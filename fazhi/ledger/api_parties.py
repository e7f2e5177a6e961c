"""Serializers of the parties (当事人) every ledger with parties shares: masked by default, unmasked
only through the audited reveal action."""

from rest_framework import serializers

from .parties import page_value


class MaskedPartySerializer(serializers.ModelSerializer):
    """Base of a ledger's party serializer; the subclass names its model and fields in Meta."""

    id_number = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()

    def get_id_number(self, party) -> str:
        return page_value("id_number", party.id_number)

    def get_phone(self, party) -> str:
        return page_value("phone", party.phone)


class RevealedPartySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.CharField()
    id_number = serializers.CharField()
    phone = serializers.CharField()
