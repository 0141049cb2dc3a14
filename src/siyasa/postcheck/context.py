"""What the post check knows of an organisation, read from its registries in a fixed number of
queries, once for any number of drafts."""

import datetime

import phonenumbers

from siyasa.consent import selectors as consent_selectors
from siyasa.core.forms import fold_digits
from siyasa.core.permissions import POLICY_MANAGER_ROLES, Capability, can
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.postcheck.analyser import ConsentEntry, Context
from siyasa.postcheck.arabic import normalised
from siyasa.postcheck.kinds import Kind
from siyasa.postcheck.models import Lexicon
from siyasa.registry.models import Area, Device, ResponsibilityAssignment, SocialAccount

# Mail providers anyone may use: an address there is a person's, whoever else uses the domain.
FREE_MAIL = frozenset({"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com"})


def load(org: Organization, *, membership: Membership | None, today: datetime.date) -> Context:
    people = list(Person.objects.for_org(org).values_list("kind", "email", "phone").order_by("pk"))
    emails = frozenset(email.casefold() for _kind, email, _phone in people if email)
    # The organisation's own domain is the one its staff and board write from.
    domains = frozenset(
        email.rpartition("@")[2].casefold()
        for kind, email, _phone in people
        if email and kind in (Person.Kind.STAFF, Person.Kind.BOARD)
    )
    lexicon = Lexicon.objects.for_org(org).first()
    extra: dict[Kind, tuple[str, ...]] = {}
    if lexicon is not None:
        extra = {
            Kind.HATE_SPEECH: Lexicon.lines(lexicon.hate_speech_terms),
            Kind.THREAT: Lexicon.lines(lexicon.threat_terms),
            Kind.HARASSMENT: Lexicon.lines(lexicon.harassment_terms),
        }
    handles = list(SocialAccount.objects.for_org(org).values_list("handle", flat=True))
    region = str(org.country) or "SA"
    # Its own numbers: the people's in its directory, an account named by its number (a
    # WhatsApp Business line) and the lines of the phones it owns (R2.9's recovery phones).
    phones = {phone for _kind, _email, phone in people if phone}
    phones |= {e164 for handle in handles if (e164 := _as_phone(handle, region))}
    lines = Device.objects.for_org(org).filter(org_owned=True).exclude(phone_number="")
    phones |= {
        e164
        for line in lines.values_list("phone_number", flat=True)
        if (e164 := _as_phone(line, region))
    }
    return Context(
        own_phones=frozenset(phones),
        own_emails=emails,
        own_domains=domains - FREE_MAIL,
        consents=tuple(
            ConsentEntry(
                name=consent.name,
                state=str(consent.state(today)),
                uses=frozenset(str(use) for use in consent.uses()),
                all_accounts=consent.all_accounts,
                account_ids=frozenset(account_ids),
            )
            for consent, account_ids in consent_selectors.on_file(org, today)
        ),
        confidential_terms=Lexicon.lines(lexicon.confidential_terms) if lexicon else (),
        extra_terms=extra,
        hashtags=frozenset(
            normalised(tag).lstrip("#") for tag in org.hashtags.split() if tag.strip("#")
        ),
        handles=frozenset(normalised(h).strip().lstrip("@") for h in handles if h.strip("@ ")),
        required_hashtags=tuple(tag for tag in org.required_hashtags.split() if tag.strip("#")),
        region=region,
        sees_consents=can(membership, Capability.MANAGE_CONSENT),
    )


def _as_phone(text: str, region: str) -> str:
    try:
        number = phonenumbers.parse(fold_digits(text), region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def reviewers(org: Organization, *, besides: int | None = None) -> list[Person]:
    """Who reviews a post that needs it: the holders of the approvals responsibility (R1.3),
    else those who may change the policy — never the sign-in `besides` (whoever asks)."""
    people = Person.objects.for_org(org).filter(status=Person.Status.ACTIVE)
    if besides is not None:
        people = people.exclude(user_id=besides)
    holders = people.filter(
        pk__in=ResponsibilityAssignment.objects.for_org(org)
        .filter(area=Area.APPROVALS)
        .values("person_id")
    )
    if found := list(holders):
        return found
    managers = people.filter(
        user__memberships__organization=org,
        user__memberships__role__in=POLICY_MANAGER_ROLES,
    )
    return list(managers.distinct())
