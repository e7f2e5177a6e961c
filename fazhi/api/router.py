"""The API's one router: every ledger app registers its viewsets here from its api.py."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()
