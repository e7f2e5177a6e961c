from . import excel_views, views

app_name = "kit"

urlpatterns = [*views.PAGES.urls(), *excel_views.PAGES.urls()]
