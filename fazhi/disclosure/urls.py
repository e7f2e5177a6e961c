from django.urls import path

from . import excel_views, views

app_name = "disclosure"

urlpatterns = [
    path("annual/", views.annual, name="annual"),
    path("annual/text/", views.annual_text, name="annual_text"),
    path("<int:pk>/letter.docx", views.letter, name="letter"),
    path("<int:pk>/letter.pdf", views.letter_pdf, name="letter_pdf"),
    path("<int:pk>/letter-pdf/", views.letter_pdf_make, name="letter_pdf_make"),
    *views.POSTING_PAGES.urls(),
    *views.PAGES.urls(),
    *excel_views.PAGES.urls(),
    *excel_views.POSTINGS.urls(),
]
