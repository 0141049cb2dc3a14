"""`siyasa analyse-policy FILE [--format text|json]`: which requirements an existing policy
covers, for people or scripts. Nothing is stored.

Exit status: 0 when the file was analysed, 2 on bad usage or a file that cannot be read.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from siyasa.intake import coverage
from siyasa.intake.document import ExtractionError
from siyasa.intake.extract import MAX_UPLOAD_BYTES
from siyasa.intake.services import read_policy


class Command(BaseCommand):
    help = "Analyse an existing social media policy against the requirement catalogue."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .docx, .pdf, .md, .txt or .html file.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--language", choices=["ar", "en"], default="en", help="Language of the messages."
        )

    def handle(self, *args, file, format, language, **options):
        path = Path(file)
        with translation.override(language):
            try:
                if path.stat().st_size > MAX_UPLOAD_BYTES:
                    raise CommandError(
                        f"{file}: larger than {MAX_UPLOAD_BYTES // 2**20} MB.", returncode=2
                    )
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"{file}: {error.strerror}", returncode=2) from error
            try:
                report = read_policy(data, filename=path.name)
            except ExtractionError as error:
                raise CommandError(f"{file}: {error.message}", returncode=2) from error
            findings = coverage.findings_json(report)
            if format == "json":
                self.stdout.write(
                    json.dumps(_as_json(report, findings), ensure_ascii=False, indent=2)
                )
            else:
                self._write_text(report, findings)

    def _write_text(self, report, findings):
        self.stdout.write(
            f"{report.language} — {coverage.score(findings)}/100 (covered 1, partial ½, missing 0)"
        )
        for section in coverage.sections(list(report.passages), findings):
            self.stdout.write(f"\n{section.title}")
            for row in section.rows:
                first = row.quotes[0].text if row.quotes else ""
                quote = f"  “{first[:70]}{'…' if len(first) > 70 else ''}”" if first else ""
                self.stdout.write(f"  {row.requirement:<6} {row.status:<8}{quote}".rstrip())


def _as_json(report, findings: dict) -> dict:
    return {
        "language": report.language,
        "score": coverage.score(findings),
        "requirements": {
            requirement: {
                "status": finding["status"],
                "evidence": [
                    {"text": report.passages[e["passage"]], "matched": e["matched"]}
                    for e in finding["evidence"]
                ],
                "lacking": finding["lacking"],
            }
            for requirement, finding in findings.items()
        },
    }
