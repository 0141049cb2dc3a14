"""A public policy publishes the rules, role names and official contacts, never the security
registry or how to reach staff; members see the full directory; owners preview the public view."""

import re
from html import unescape

import pytest
from django.test import Client
from django.utils import translation

from conftest import sign_in
from siyasa.core.tests.factories import UserFactory
from siyasa.orgs.models import Membership, Role
from siyasa.policy import exports, selectors
from siyasa.policy.rules import Rules
from siyasa.policy.selectors import Audience
from siyasa.policy.tests.public_org import docx_text, leaks, pdf_text


def page_url(org, lang="ar", query=""):
    return f"/{lang}/o/{org.slug}/policy/{query}"


def member_client(org, role: Role) -> Client:
    user = UserFactory()
    Membership.objects.create(user=user, organization=org, role=role)
    client = Client()
    sign_in(client, user)
    return client


def the_policy(html: str) -> str:
    """The policy itself: its header and its sections, without the site's menus."""
    match = re.search(r'<header class="policy-head">.*</article>', html, re.S)
    assert match, "no policy on the page"
    return match.group(0)


def public_files(org, lang):
    with translation.override(lang):
        rules = Rules.from_version(selectors.version_in_force(org))
        page = selectors.policy_page(org, rules, audience=Audience.PUBLIC)
    return (
        exports.render_pdf(page, lang=lang, base_url="http://testserver/"),
        exports.render_docx(page, lang=lang),
    )


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_anonymous_page_shows_no_private_field(public_org, lang):
    response = Client().get(page_url(public_org.org, lang))

    assert response.status_code == 200
    html = response.content.decode()
    assert leaks(html, public_org.private) == []
    if lang == "en":
        assert leaks(html, public_org.public) == public_org.public


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_public_pdf_and_word_file_show_no_private_field(public_org, lang):
    pdf, word = public_files(public_org.org, lang)

    assert leaks(pdf_text(pdf), public_org.private) == []
    assert leaks(docx_text(word), public_org.private) == []
    if lang == "en":
        assert leaks(docx_text(word), public_org.public) == public_org.public
        assert leaks(pdf_text(pdf), public_org.public) == public_org.public


def test_the_public_page_keeps_the_rules_role_names_and_crisis_roles(public_org):
    html = Client().get(page_url(public_org.org, "en")).content.decode()

    assert "Passwords are changed at least every 90 days" in html  # a rule
    assert "Security" in html and "Legal expert" in html  # a responsibility, a crisis role
    assert "Mohammed Lawyer" in html  # the legal review the rules name
    assert "Custody and rotation" not in html and "Approved devices" not in html


def test_members_still_see_the_full_directory(public_org):
    client = member_client(public_org.org, Role.STAFF)

    html = unescape(client.get(page_url(public_org.org, "en")).content.decode())

    for value in ("Team vault › Social › Nada X", "Salma's own iPhone", "Fahd Tokenholder"):
        assert value in html
    assert "salma.private@mail.example" in html
    assert "founder-login-7" in html  # the owner has no directory entry: the sign-in name


def test_owners_preview_exactly_what_the_public_sees(public_org):
    owner = Client()
    sign_in(owner, public_org.owner)
    full = owner.get(page_url(public_org.org, "en")).content.decode()
    assert 'href="/en/o/nada/policy/?as=public"' in full  # the preview link

    preview = owner.get(page_url(public_org.org, "en", "?as=public")).content.decode()
    anonymous = Client().get(page_url(public_org.org, "en")).content.decode()

    assert the_policy(preview) == the_policy(anonymous)
    assert "What visitors who are not signed in see" in preview
    assert leaks(preview, public_org.private) == []


def test_staff_see_no_preview_link(public_org):
    html = member_client(public_org.org, Role.STAFF).get(page_url(public_org.org, "en"))
    assert "?as=public" not in html.content.decode()


def test_a_member_asking_for_the_public_view_gets_its_files(public_org):
    # The links on the preview lead to the public files, not the members' ones.
    preview = (
        member_client(public_org.org, Role.POLICY_ADMIN)
        .get(page_url(public_org.org, "en", "?as=public"))
        .content.decode()
    )
    assert 'href="/en/o/nada/policy/pdf/?as=public"' in preview
    assert 'href="/en/o/nada/policy/docx/?as=public"' in preview


def test_the_home_page_lists_no_organisation_to_visitors(public_org):
    html = Client().get("/en/").content.decode()
    assert "Nada Society" not in html and "/o/nada/" not in html
