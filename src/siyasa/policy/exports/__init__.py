"""The policy as files to take away: a PDF to print and a Word document to edit."""

from siyasa.policy.exports.document import ExportUnavailable
from siyasa.policy.exports.docx import render_docx
from siyasa.policy.exports.pdf import render_pdf

__all__ = ["ExportUnavailable", "render_docx", "render_pdf"]
