"""Forms for people, contacts, members, invitations and the organisation's own settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.core.arabic import normalise
from siyasa.core.forms import OrgModelForm, PhoneField, TextGuard
from siyasa.orgs.models import Organization, Person, Role


class PersonForm(OrgModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "name_en",
            "kind",
            "job_title",
            "affiliation",
            "email",
            "phone",
            "status",
            "departed_on",
            "language",
            "grammatical_gender",
        ]
        widgets = {"departed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, org=org, **kwargs)
        self.fields["phone"] = PhoneField(
            region=org.country.code or "SA",
            required=False,
            label=Person._meta.get_field("phone").verbose_name,
            help_text=Person._meta.get_field("phone").help_text,
        )

    def clean(self):
        data = super().clean()
        if data.get("status") == Person.Status.DEPARTED and not data.get("departed_on"):
            self.add_error("departed_on", _("Give the person's last day."))
        if data.get("status") == Person.Status.ACTIVE:
            data["departed_on"] = None
        return data


class OrganizationForm(TextGuard, forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name_ar",
            "name_en",
            "country",
            "default_language",
            "policy_visibility",
            "hashtags",
            "required_hashtags",
            "email_domains",
            "require_two_factor",
            "show_hijri_dates",
        ]
        widgets = {"email_domains": forms.TextInput(attrs={"dir": "ltr"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The organisation's own country (Saudi Arabia for a new one) heads the list, not its
        # alphabetical place — in Arabic, Saudi Arabia sorts last of 249.
        field = self.fields["country"]
        first = self.instance.country.code or "SA"
        choices = list(field.choices)
        field.choices = [c for c in choices if c[0] == first] + [
            c for c in choices if c[0] != first
        ]

    def clean(self):
        """R0.4: a required hashtag is one of the official ones (compared as the post check
        compares them: case, alef and taa marbuta forms folded)."""
        data = super().clean()
        official = {_folded(tag) for tag in data.get("hashtags", "").split()}
        for tag in data.get("required_hashtags", "").split():
            if _folded(tag) not in official:
                self.add_error(
                    "required_hashtags",
                    _("“%(hashtag)s” is not among the official hashtags.") % {"hashtag": tag},
                )
        return data

    def clean_email_domains(self):
        """R2.9: bare domains in lower case, each once ("@Athar.org.sa" is "athar.org.sa")."""
        domains = self.cleaned_data["email_domains"].replace(",", " ").split()
        cleaned = [d.strip().lstrip("@").lower() for d in domains]
        for domain in cleaned:
            if (
                "." not in domain
                or "@" in domain
                or not domain.replace("-", "").replace(".", "").isalnum()
            ):
                raise forms.ValidationError(
                    _("“%(domain)s” is not a domain such as athar.org.sa.") % {"domain": domain}
                )
        return " ".join(dict.fromkeys(cleaned))


class OrganizationCreateForm(OrganizationForm):
    # The founder becomes the first person of the directory, under this name.
    owner_name = forms.CharField(
        label=_("your name"),
        max_length=150,
        required=False,
        help_text=_("As the directory and the policy will show it. You can change it later."),
    )

    class Meta(OrganizationForm.Meta):
        fields = ["name_ar", "name_en", "slug", "country", "default_language", "policy_visibility"]

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if slug in {"new", "admin", "static"}:
            raise forms.ValidationError(_("This short name is reserved; choose another."))
        return slug


def _folded(hashtag: str) -> str:
    return normalise(hashtag).casefold().lstrip("#")


class InvitationForm(forms.Form):
    role = forms.ChoiceField(label=_("role"), choices=Role.choices, initial=Role.STAFF)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("role"), choices=Role.choices)
