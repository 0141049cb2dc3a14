"""'Save and add another' on a new row's form: the row is saved and the same empty form comes back."""

from django.urls import reverse

from siyasa.orgs.models import Person


def test_save_and_add_another_returns_to_an_empty_form(cast):
    client = cast.client("editor")
    url = reverse("person_new", kwargs={"slug": cast.org.slug}) + "?kind=contact"
    form = client.get(url).content.decode()
    assert 'name="save_and_add_another"' in form
    response = client.post(
        url, {"name": "ليلى", "kind": "contact", "status": "active", "save_and_add_another": "1"}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert Person.objects.for_org(cast.org).filter(name="ليلى").exists()
    again = client.get(response["Location"]).content.decode()
    assert "ليلى" not in again.split("<form", 1)[1]


def test_an_edit_form_has_no_add_another(cast):
    person = Person.objects.for_org(cast.org).first()
    url = reverse("person_edit", kwargs={"slug": cast.org.slug, "pk": person.pk})
    assert 'name="save_and_add_another"' not in cast.client("editor").get(url).content.decode()
