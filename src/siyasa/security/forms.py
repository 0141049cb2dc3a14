"""Forms for recording rotations and running offboardings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import TextGuard
from siyasa.orgs.models import Person
from siyasa.security.models import RotationReason

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RotationForm(TextGuard, forms.Form):
    rotated_on = forms.DateField(label=_("Changed on"), widget=DATE)
    reason = forms.ChoiceField(label=_("Why"), choices=RotationReason.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rotated_on"].initial = timezone.localdate()

    def clean_rotated_on(self):
        day = self.cleaned_data["rotated_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A rotation cannot be recorded in the future."))
        return day


class OffboardingStartForm(forms.Form):
    last_day = forms.DateField(label=_("Last day"), widget=DATE)


class SuccessorForm(forms.Form):
    successor = forms.ModelChoiceField(
        label=_("Hand over to"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, org, leaving: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = (  # type: ignore[attr-defined]  # a ModelChoiceField
            Person.objects.for_org(org).filter(status=Person.Status.ACTIVE).exclude(pk=leaving.pk)
        )
