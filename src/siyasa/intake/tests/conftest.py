"""A charity made through the product, with an editor and a policy admin, and the policies they
bring: words the first analyser already knows (passwords, two-factor, crisis) and silences."""

import pytest

from siyasa.orgs.models import Role
from siyasa.training.tests.charity import Charity

ENGLISH_POLICY = (
    "# Our social media policy\n\n"
    "Passwords of every official account are changed every 90 days.\n\n"
    "All accounts use two-factor authentication, and the communications lead holds the phone.\n\n"
    "In a crisis the communications lead calls the director before anything is posted.\n\n"
    "If an account is hacked, the security lead resets its password and tells the platform.\n"
)
ARABIC_POLICY = (
    "تُغيَّر كلمة المرور لكل حساب رسمي كل تسعين يومًا.\n\n"
    "تستخدم جميع الحسابات التحقق بخطوتين.\n\n"
    "عند وقوع أزمة يتصل مسؤول الاتصال بالمدير قبل أي نشر.\n"
)


class Team(Charity):
    def __init__(self):
        super().__init__()
        self.editor = self.join("editor1", Role.EDITOR)
        self.other_editor = self.join("editor2", Role.EDITOR)
        self.admin = self.join("admin1", Role.POLICY_ADMIN)


@pytest.fixture
def team(db) -> Team:
    return Team()
