from rest_framework.renderers import BrowsableAPIRenderer


class SignedInBrowsableAPIRenderer(BrowsableAPIRenderer):
    """The browsable pages for signed-in people only: an outsider gets JSON, not a map of the API."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        request = (renderer_context or {}).get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            from rest_framework.renderers import JSONRenderer

            response = (renderer_context or {}).get("response")
            if response is not None:
                response["Content-Type"] = "application/json"
            return JSONRenderer().render(data, "application/json", renderer_context)
        return super().render(data, accepted_media_type, renderer_context)
