"""`siyasa check-post ORG`: the post check for scripts and other tools (exit 0 fine, 1 findings,
2 usage error)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from siyasa.orgs.models import Organization
from siyasa.postcheck import context as check_context
from siyasa.postcheck.analyser import MAX_LENGTH, Checker, Result
from siyasa.registry.models import SocialAccount

USAGE = 2


class Command(BaseCommand):
    help = (
        "Check a post read from standard input against an organisation's policy; with --jsonl, "
        'one {"id", "text", "account"} object per line, one result per line.'
    )

    def add_arguments(self, parser):
        parser.add_argument("org", help="the organisation's short name in links (its slug)")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--language", choices=["ar", "en"], default="ar")
        parser.add_argument("--account", default="", help="the account's handle, e.g. @example")
        parser.add_argument("--jsonl", action="store_true")

    def handle(self, *args, **options):
        translation.activate(options["language"])
        org = Organization.objects.filter(slug=options["org"]).first()
        if org is None:
            raise CommandError(f"No organisation {options['org']!r}.", returncode=USAGE)
        accounts = {
            handle.casefold().lstrip("@"): pk
            for pk, handle in SocialAccount.objects.for_org(org).values_list("pk", "handle")
        }
        # A tool is not a member: it learns only whether a consent is on file.
        checker = Checker(check_context.load(org, membership=None, today=timezone.localdate()))
        if options["jsonl"]:
            found = self._lines(checker, accounts)
        else:
            text = sys.stdin.read()
            result = checker.check(self._text(text), self._account(options["account"], accounts))
            self._print(result, options["format"])
            found = bool(result.findings)
        if found:
            sys.exit(1)

    def _lines(self, checker, accounts) -> bool:
        found = False
        out = self.stdout
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text, key = item["text"], item.get("id", number)
            except (ValueError, KeyError, TypeError):
                raise CommandError(
                    f'Line {number} is not a JSON object with "text".', returncode=USAGE
                ) from None
            result = checker.check(self._text(text), self._account(item.get("account"), accounts))
            found = found or bool(result.findings)
            out.write(json.dumps(_as_json(result, key), ensure_ascii=False))
        return found

    @staticmethod
    def _text(text) -> str:
        if not isinstance(text, str) or len(text) > MAX_LENGTH:
            raise CommandError(
                f"A post must be text of at most {MAX_LENGTH} characters.", returncode=USAGE
            )
        return text

    @staticmethod
    def _account(handle, accounts) -> int | None:
        if not handle:
            return None
        key = str(handle).casefold().lstrip("@")
        if key not in accounts:
            raise CommandError(f"No account {handle!r} in this organisation.", returncode=USAGE)
        return accounts[key]

    def _print(self, result: Result, fmt: str) -> None:
        if fmt == "json":
            self.stdout.write(json.dumps(_as_json(result, None), ensure_ascii=False, indent=2))
            return
        self.stdout.write(result.verdict.label)
        for finding in result.findings:
            self.stdout.write(
                f"{finding.start}-{finding.end} {finding.kind} ({finding.requirement}) "
                f"«{finding.text}»: {finding.message}"
            )


def _as_json(result: Result, key) -> dict:
    return {
        "id": key,
        "verdict": str(result.verdict),
        "findings": [finding.as_dict() for finding in result.findings],
    }
