"""The program report as a PDF for a board or a funder: the period and filters, each figure with
its n and interval, the retention chart, and how each figure is defined.

Made with WeasyPrint from a template that may fetch nothing, like every PDF Naltrack makes. It
names no patient: its figures are the page's own, and its tables show them whole, as the page
does for the clinic's staff; the CSV (which may be passed on) is the form with small cells
hidden.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from naltrack.reports.outcomes import OutcomeReport, report_rows

TEMPLATE = "reports/outcomes_pdf.html"


def report_pdf(report: OutcomeReport, *, chart: SafeString, filters_text: str) -> bytes:
    cohorts = [("All patients", report.measures), *report.groups]
    html = render_to_string(
        TEMPLATE,
        {
            "report": report,
            "clinic": report.clinic,
            "chart": chart,
            "filters_text": filters_text,
            "tables": [(label, report_rows(m)) for label, m in cohorts],
        },
    )
    fetcher = URLFetcher(allowed_protocols=frozenset(), fail_on_errors=True)
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf
