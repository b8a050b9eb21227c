from django.urls import path

from insights.views import calendar as calendar_views
from insights.views import charts as chart_views
from insights.views import dashboard
from insights.views import export as export_views
from insights.views import guide as guide_views
from insights.views import overview as overview_views

app_name = "insights"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("insights/", overview_views.overview, name="overview"),
    path("insights/report.json", overview_views.report_json, name="report_json"),
    path("insights/charts/<slug:name>.svg", chart_views.chart, name="chart"),
    path("export/", export_views.export, name="export"),
    path("export/summary/", export_views.summary, name="summary"),
    path("export/summary.pdf", export_views.summary_pdf, name="summary_pdf"),
    path("calendar/", calendar_views.calendar, name="calendar"),
    path("guide/", guide_views.partner_guide, name="partner_guide"),
    path("guide/guide.pdf", guide_views.partner_guide_pdf, name="partner_guide_pdf"),
]
