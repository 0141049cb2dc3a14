"""`siyasa doctor <slug> [--format text|json]`: the organisation's findings, for people or scripts.

Exit status: 0 when there is no error-level finding, 1 when there is, 2 on bad usage.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from siyasa.doctor import engine
from siyasa.orgs.models import Organization


class Command(BaseCommand):
    help = "Check an organisation against the requirement catalogue."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The organisation's short name, e.g. demo.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--language",
            choices=["ar", "en"],
            help="Language of the messages (default: the organisation's default language).",
        )

    def handle(self, *args, slug, format, language, **options):
        org = Organization.objects.filter(slug=slug).first()
        if org is None:
            raise CommandError(f"No organisation has the short name {slug!r}.", returncode=2)
        with translation.override(language or org.default_language):
            report = engine.diagnose(org)
            engine.record([report])
            if format == "json":
                self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
            else:
                self._write_text(report)
        if report.has_errors:
            raise SystemExit(1)

    def _write_text(self, report):
        counts = report.counts
        self.stdout.write(
            f"{report.org.name} — {report.score}/100 "
            f"({counts.get('error', 0)} errors, {counts.get('warning', 0)} warnings, "
            f"{counts.get('info', 0)} notes)"
        )
        for _key, title, findings in report.by_section():
            if not findings:
                continue
            self.stdout.write(f"\n{title}")
            for finding in findings:
                fix = finding.fix.url(report.org.slug) if finding.fix else ""
                self.stdout.write(
                    f"  {finding.severity.value:<7} {finding.requirement:<5} {finding.message}"
                    + (f"\n                {fix}" if fix else "")
                )
