"""Rules that must keep one home: permissions in `core/permissions.py`, rotation state on
`Custody`, the version to acknowledge on `PolicyVersion`'s queryset, a person's address on
`Person`. These tests read the source, so a second home fails the build, not a review."""

import pathlib
import re

import siyasa

SRC = pathlib.Path(siyasa.__file__).parent
ROLE = (
    r"(?:Role\.(?:OWNER|POLICY_ADMIN|EDITOR|STAFF)|[\"'](?:owner|policy_admin|editor|staff)[\"'])"
)
# A role compared, looked up or filtered on — not one assigned when a membership is made.
ROLE_COMPARED = re.compile(
    rf"(?:==|!=|\bin\b|role__in\s*=|\.get\()\s*[\(\[{{]?\s*{ROLE}|{ROLE}\s*(?:==|!=|\bin\b)"
)


def _code_files():
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def _offending_lines(pattern: re.Pattern, *, allowed: set[str]) -> list[str]:
    hits = []
    for path in _code_files():
        name = str(path.relative_to(SRC))
        if name in allowed:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if pattern.search(line.split("#", 1)[0]):
                hits.append(f"{name}:{number}: {line.strip()}")
    return hits


def test_no_role_name_is_compared_outside_the_permissions_module():
    assert _offending_lines(ROLE_COMPARED, allowed={"core/permissions.py"}) == []


def test_the_role_check_catches_a_comparison():
    # The pattern itself must be able to fail: these are the shapes it exists to catch.
    for line in (
        "if membership.role == Role.OWNER:",
        "role__in=[Role.OWNER, Role.POLICY_ADMIN]",
        "if role in (Role.OWNER, Role.POLICY_ADMIN):",
        'if target.role != "owner":',
        "d.role_counts.get(Role.POLICY_ADMIN)",
    ):
        assert ROLE_COMPARED.search(line), line
    assert not ROLE_COMPARED.search("Membership(user=user, role=Role.OWNER)")


def test_rotation_due_dates_are_computed_only_on_custody():
    # R2.1: `Custody.rotation_state` is the one place that decides overdue / due soon.
    pattern = re.compile(r"next_rotation_on\(|last_rotated_on\s*\+")
    assert _offending_lines(pattern, allowed={"registry/models.py"}) == []


def test_the_version_to_acknowledge_is_defined_only_on_the_version_queryset():
    # R0.3: material versions and the first count; nobody else spells that out.
    pattern = re.compile(
        r"VersionKind\.MATERIAL\)?\s*\|\s*Q\(number=1\)|kind\s*==\s*VersionKind\.MATERIAL"
    )
    assert _offending_lines(pattern, allowed={"policy/models.py"}) == []


def test_same_organisation_guards_go_through_require_same_org():
    pattern = re.compile(r"\.organization_id\s*!=\s*membership\.organization_id")
    assert _offending_lines(pattern, allowed={"core/permissions.py"}) == []
