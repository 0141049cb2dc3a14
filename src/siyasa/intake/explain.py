"""What each requirement asks of a policy and why it matters, for the report of an analysis."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Requirement id -> what the policy should say, and why (requirements.md, in our own words).
WHY: dict[str, Promise] = {
    "R0.1": _(
        "The policy should be published where every staff member can read it, and kept current: "
        "a file in a drawer protects nobody."
    ),
    "R0.3": _(
        "A named owner should review the policy on a schedule, announce changes and have staff "
        "acknowledge the version in force; otherwise it goes out of date unnoticed."
    ),
    "R0.4": _(
        "The official names, handles, voice and hashtags should be stated, so the organisation "
        "looks and sounds the same on every channel."
    ),
    "R1.1": _(
        "Every official account should have a named owner, so someone answers for it when "
        "something goes wrong."
    ),
    "R1.2": _(
        "For each account the policy should name who may publish and who may reply, so nobody "
        "speaks for the organisation by accident."
    ),
    "R1.3": _(
        "All nine areas of responsibility should be assigned to named people — publishing, "
        "service, strategy, advertising, security, monitoring, approvals, crisis response and "
        "training — or some work falls between two people."
    ),
    "R1.4": _(
        "Role holders' names and e-mails should be visible to all staff, so other teams know "
        "whom to contact."
    ),
    "R1.5": _(
        "Roles, ownership and custody should pass on when someone leaves, so no account stays in "
        "the hands of a former colleague."
    ),
    "R1.6": _(
        "Opening, reviewing and closing official accounts should follow set rules, so forgotten "
        "or unofficial accounts do not speak in the organisation's name."
    ),
    "R2.1": _(
        "The policy should set how often passwords are changed; without an interval, a leaked "
        "password keeps working for years."
    ),
    "R2.2": _(
        "Each account's credentials should have a named custodian and a backup, so access is "
        "never lost with one person."
    ),
    "R2.3": _(
        "Who has access to each credential should be recorded, so access can be checked and "
        "taken back."
    ),
    "R2.4": _(
        "A named person should keep apps and operating systems up to date on the devices that "
        "reach the accounts: most break-ins use old software."
    ),
    "R2.5": _(
        "Only registered, organisation-owned devices should reach the accounts, so a lost or "
        "shared personal phone does not open them."
    ),
    "R2.6": _(
        "The policy should say who may change the policy, the roles, the devices and the "
        "passwords, so changes are made by people entitled to make them."
    ),
    "R2.7": _(
        "Every account should use two-factor authentication, with the holder of the second "
        "factor named: a stolen password alone then opens nothing."
    ),
    "R2.8": _(
        "Passwords should be kept in a password manager, never in e-mail, chat or documents, "
        "where anyone who reads them can use them."
    ),
    "R2.9": _(
        "Recovery e-mails and phones should belong to the organisation, or whoever holds them "
        "can take the account back."
    ),
    "R2.10": _(
        "Apps and tools connected to the accounts should be recorded, approved and reviewed each "
        "year: each one is another way in."
    ),
    "R2.11": _(
        "Passwords should be long, unique and generated, and staff should learn to recognise "
        "phishing aimed at the accounts."
    ),
    "R3.1": _(
        "An emergency contact list with named roles — the social media team, legal, public "
        "relations and a board delegate — lets the right people be reached in minutes."
    ),
    "R3.2": _(
        "Severity levels with criteria let the team judge how serious a crisis is, and respond "
        "in proportion."
    ),
    "R3.3": _(
        "An internal communication plan says who tells whom, how and how often, so nobody "
        "learns of a crisis from the press."
    ),
    "R3.4": _(
        "The policy should say who must approve a public response at each level, so a hasty "
        "statement does not make a crisis worse."
    ),
    "R3.5": _(
        "Both kinds of crisis should be planned for: a communication crisis and a hijacked or "
        "compromised account."
    ),
    "R4.1": _(
        "Using other people's content and beneficiaries' photos needs permission, attribution "
        "and consent; the policy should say how."
    ),
    "R4.2": _(
        "The policy should say how information about beneficiaries, donors and clients is "
        "handled, to protect them and keep within the law."
    ),
    "R4.3": _(
        "Staff should know which internal information must never be disclosed on social media, "
        "and what a disclosure means."
    ),
    "R4.4": _(
        "A named legal adviser should review the policy, with the date of the review, because "
        "the law differs from country to country."
    ),
    "R5.1": _(
        "The policy should say that hate speech, threats, harassment and racist content are not "
        "acceptable on personal accounts either."
    ),
    "R5.2": _(
        "Staff should know they are accountable for what they post, even when a post is not "
        "strictly unlawful."
    ),
    "R5.3": _(
        "Staff should know how to protect themselves online and what to do when they are "
        "targeted, and be supported during an attack."
    ),
    "R5.4": _(
        "Official accounts should stay clear of partisan, sectarian and commercial endorsement, "
        "and staff should know what they may say about public controversies."
    ),
    "R5.5": _(
        "The policy should say what happens when it is broken, and who decides, so it is applied "
        "fairly."
    ),
    "R6.1": _(
        "The organisation should choose a stance: encourage staff to speak about it, ask them "
        "not to, or a stated middle way."
    ),
    "R6.2": _(
        "Staff who speak about the organisation should say how they are related to it and that "
        "their opinions are their own; a ready disclaimer helps."
    ),
    "R6.3": _(
        "Official spokespeople should be named, so hard questions and media requests go to them."
    ),
    "R6.4": _(
        "Staff who want to promote the organisation should have guidance and material to do it "
        "well."
    ),
    "R6.5": _(
        "The policy should say which comments are hidden, removed or reported, when a user is "
        "blocked, and publish house rules for the pages."
    ),
    "R6.6": _(
        "Posts should be accessible: alt text on images, captions on video, plain language and "
        "readable hashtags."
    ),
}
