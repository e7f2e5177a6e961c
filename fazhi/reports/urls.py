from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("draft-many/", views.report_draft_many, name="draft-many"),
    path("<int:pk>/", views.report_edit, name="edit"),
    path("<int:pk>/meta/", views.report_meta, name="meta"),
    path("<int:pk>/draft/", views.report_draft, name="draft"),
    path("<int:pk>/action/<slug:action>/", views.report_action, name="action"),
    path("<int:pk>/preview/", views.report_preview, name="preview"),
    path("<int:pk>/export/<slug:fmt>/", views.report_export, name="export"),
    path("paragraphs/<int:pk>/save/", views.paragraph_save, name="paragraph-save"),
    path("paragraphs/<int:pk>/redraft/", views.paragraph_redraft, name="paragraph-redraft"),
    path("paragraphs/<int:pk>/delete/", views.paragraph_delete, name="paragraph-delete"),
    path("sections/<int:pk>/paragraphs/", views.section_add_paragraph, name="paragraph-add"),
    path("<int:pk>/sections/", views.section_add, name="section-add"),
    path("sections/<int:pk>/rename/", views.section_rename, name="section-rename"),
    path("sections/<int:pk>/move/<slug:direction>/", views.section_move, name="section-move"),
    path("sections/<int:pk>/delete/", views.section_delete, name="section-delete"),
    path("paragraphs/<int:pk>/move/", views.paragraph_move, name="paragraph-move"),
    path("<int:pk>/suggestions/<str:key>/", views.suggestion_adopt, name="suggestion-adopt"),
    path("plans/", views.plan_notes, name="plans"),
    path("plans/<int:pk>/delete/", views.plan_note_delete, name="plan-delete"),
]

from . import analysis_views  # noqa: E402

urlpatterns += [
    path("analysis/", analysis_views.analysis, name="analysis"),
    path("analysis/import/", analysis_views.analysis_import, name="analysis-import"),
    path("analysis/excel/", analysis_views.analysis_excel, name="analysis-excel"),
]
