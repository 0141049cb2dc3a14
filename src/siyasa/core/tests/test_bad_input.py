"""Arbitrary text — Arabic, English, mixed, control characters — never crashes a form, a view or a
service: the answer is a saved row or a clear 4xx, and nothing is half-written (Hypothesis)."""

import html
import re

from django import forms
from django.urls import reverse
from django.utils.html import strip_tags
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from siyasa.core.forms import PhoneField
from siyasa.core.rendering import render_prose
from siyasa.orgs.models import Person
from siyasa.policy.diff import word_diff
from siyasa.policy.models import PolicyText
from siyasa.registry.models import SocialAccount

# Mixed scripts and the characters that break naive code: RTL marks, NUL and other controls,
# Arabic-Indic digits, markup.
MIXED = st.text(
    alphabet=st.sampled_from(
        list("سياسةالجمعيةabcXYZ 0123٠١٢٣۴\n\t\r\x00\x01\x1f\u200f\u200e<>&\"'@#*-")
    ),
    max_size=80,
)
ANY = st.text(max_size=300) | MIXED
VIEW_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(ANY)
def test_phone_field_gives_e164_or_a_validation_error(value):
    try:
        cleaned = PhoneField().clean(value)
    except forms.ValidationError:
        return
    assert cleaned == "" or (cleaned.startswith("+") and cleaned[1:].isdigit())


@given(ANY)
def test_rendered_prose_never_carries_active_markup(value):
    rendered = render_prose(value + "<script>x</script><img src=x onerror=alert(1)>")
    tags = set(re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", rendered))
    assert tags <= {"p", "ul", "ol", "li", "strong", "em", "br", "blockquote"}
    assert re.search(r"<[^>]*\son\w+\s*=", rendered) is None


@given(ANY, ANY)
def test_word_diff_keeps_both_texts_exactly(old, new):
    left, right = word_diff(old, new)
    assert html.unescape(strip_tags(left)) == old
    assert html.unescape(strip_tags(right)) == new


@VIEW_SETTINGS
@given(name=ANY, title=ANY, email=ANY, phone=ANY)
def test_person_form_answers_302_or_400_and_writes_all_or_nothing(cast, name, title, email, phone):
    before = Person.objects.count()
    response = cast.client("editor").post(
        reverse("person_new", kwargs={"slug": cast.org.slug}),
        {
            "name": name,
            "job_title": title,
            "email": email,
            "phone": phone,
            "kind": "staff",
            "status": "active",
        },
    )
    assert response.status_code in (302, 400)
    assert Person.objects.count() == before + (1 if response.status_code == 302 else 0)


@VIEW_SETTINGS
@given(handle=ANY, purpose=ANY, url=ANY, platform=st.sampled_from(["x", "tiktok", "nope", ""]))
def test_account_form_answers_302_or_400(cast, handle, purpose, url, platform):
    before = SocialAccount.objects.count()
    response = cast.client("editor").post(
        reverse("account_new", kwargs={"slug": cast.org.slug}),
        {
            "platform": platform,
            "handle": handle,
            "purpose_ar": purpose,
            "url": url,
            "audience_language": "ar",
            "status": "active",
        },
    )
    assert response.status_code in (302, 400)
    assert SocialAccount.objects.count() == before + (1 if response.status_code == 302 else 0)


@VIEW_SETTINGS
@given(body_ar=ANY, body_en=ANY)
def test_policy_text_edit_saves_exactly_or_refuses(cast, body_ar, body_en):
    url = reverse("policy_text_edit", kwargs={"slug": cast.org.slug, "key": "law.privacy"})
    before = PolicyText.objects.get(organization=cast.org, key="law.privacy")
    response = cast.client("editor").post(url, {"body_ar": body_ar, "body_en": body_en})
    assert response.status_code in (302, 400)
    after = PolicyText.objects.get(organization=cast.org, key="law.privacy")
    if response.status_code == 400:
        assert (after.body_ar, after.body_en) == (before.body_ar, before.body_en)
    # The page shows whatever was saved without breaking.
    assert (
        cast.client("staff").get(reverse("policy", kwargs={"slug": cast.org.slug})).status_code
        == 200
    )


@VIEW_SETTINGS
@given(value=ANY)
def test_wrong_types_in_ids_and_dates_are_4xx(cast, value):
    client = cast.client("policy_admin")
    org = cast.org.slug
    assert (
        client.post(
            reverse("grant_new", kwargs={"slug": org, "account_pk": 999999}), {"person": value}
        ).status_code
        == 404
    )
    assert client.post(
        reverse("policy_settings", kwargs={"slug": org}),
        {"legal_reviewed_on": value, "rotation_interval_days": value, "stance": value},
    ).status_code in (302, 400)
    assert client.get(
        reverse("policy_compare", kwargs={"slug": org}), {"from": value, "to": value}
    ).status_code in (200, 404)
