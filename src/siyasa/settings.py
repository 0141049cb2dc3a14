"""Siyasa's one settings module: everything comes from environment variables with safe defaults."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from siyasa.core import cache_url


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env("SIYASA_DATA_DIR", str(Path.cwd() / "var"))).resolve()

# The data folder holds the database (sessions, authenticator secrets, password hashes): only the
# account that runs Siyasa may read it. Files this process creates are its own (umask 077).
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
DATA_DIR.chmod(0o700)
os.umask(0o077)

DEBUG = envbool("DEBUG", False)
# Without SECRET_KEY, commands that sign nothing (migrate, makemigrations, check) still run;
# serving does not: wsgi.py and asgi.py refuse to start without one.
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY and (DEBUG or envbool("SIYASA_INSECURE_DEV_KEY")):
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = [
    h.strip() for h in env("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    "axes",
    "siyasa.core",
    "siyasa.mail",
    "siyasa.orgs",
    "siyasa.accounts",
    "siyasa.registry",
    "siyasa.consent",
    "siyasa.crisis",
    "siyasa.policy",
    "siyasa.doctor",
    "siyasa.postcheck",
    "siyasa.intake",
    "siyasa.notify",
    "siyasa.security",
    "siyasa.training",
    "siyasa.audit",
    "siyasa.transfer",
    "siyasa.search",
    "siyasa.archive",
    "siyasa.workspace",
    "siyasa.demo",
    "siyasa.ops",
    # After Siyasa's apps, so that accounts/templates/ overrides allauth's pages.
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "siyasa.accounts.two_factor.TwoFactorMiddleware",
    "siyasa.accounts.middleware.RejectedFormMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "siyasa.urls"
WSGI_APPLICATION = "siyasa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "siyasa.accounts.context_processors.signup",
                "siyasa.ops.context_processors.delivery_warning",
            ],
        },
    },
]

# SQLite in WAL mode under the data directory is the embedded default; DATABASE_URL selects
# PostgreSQL for deployments with several app servers.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "siyasa.sqlite3"),
            # Kept open between requests, as on PostgreSQL: opening SQLite and setting it up
            # cost more than the few queries of a cached policy page (bench/scale.py).
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses a locked-out account before any password is checked. allauth's backend
# finds the account by user name or by e-mail address; ours is allauth's, reading a session's user
# with its two-factor state in one query (accounts/backends.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "siyasa.accounts.backends.AuthenticationBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after_sign_in"
LOGOUT_REDIRECT_URL = "home"

# Arabic first: the default language, and the first in every list.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["siyasa.formats"]
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", "Asia/Riyadh")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# WhiteNoise serves straight from the apps' static folders, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# SMTP unless told otherwise; `siyasa demo` writes its e-mails to files in the data folder
# (EMAIL_FILE_PATH) instead, as nothing would receive them.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(DATA_DIR / "sent-mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
# Seconds an SMTP server may take to answer before the attempt fails and is retried: without
# it, a server that accepts a connection and never answers holds the worker for ever.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Siyasa <siyasa@localhost>")

# Owners and policy admins (and everyone in an organisation that asks for it) confirm a one-time
# code at sign-in. Only `siyasa demo` turns this off, so the demo opens with a password alone.
SIYASA_ENFORCE_TWO_FACTOR = envbool("SIYASA_ENFORCE_TWO_FACTOR", True)

# Django's database sessions, read in one compiled query (accounts/sessions.py).
SESSION_ENGINE = "siyasa.accounts.sessions"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 12)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG and envbool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# HTTPS only in production; `siyasa demo` turns the redirect and HSTS off for http on loopback.
SECURE_SSL_REDIRECT = not DEBUG and envbool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 0 if DEBUG else envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
# Behind a TLS-terminating proxy: "HTTP_X_FORWARDED_PROTO,https". Only set it if the proxy
# always sets (or strips) that header, or a client could claim https.
if env("SECURE_PROXY_SSL_HEADER"):
    _header, _value = env("SECURE_PROXY_SSL_HEADER").split(",", 1)
    SECURE_PROXY_SSL_HEADER = (_header.strip(), _value.strip())

# Every page's content comes from this site: no inline scripts or styles, no frames, no plugins
# (small data: images excepted). Applies in every mode, so tests see what production sends.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "style-src": [SELF],
        "script-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account, from
# whatever addresses, the account is refused for the cool-off time — the right password from a
# second address does not get through either; a new password (reset by e-mail) lifts it early.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes warns when the address is not among the parameters, because a lock keyed on cookies or
# user agents can be dodged; a lock keyed on the account cannot, whatever the address — and
# keying on the address too would let one person's typos lock out a whole office behind one NAT.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "siyasa.accounts.views.locked_out"
# The same account is locked whether it was named by user name or by e-mail address.
AXES_USERNAME_CALLABLE = "siyasa.accounts.lockout.account_name"

# Sign-up and sign-in (django-allauth): anyone may sign up with an e-mail address unless
# SIYASA_SIGNUP=invite, when accounts come only from invitations. Every address is verified by a
# link before its account signs in; sign-in takes the user name or the address; the sign-up and
# password-reset pages answer alike whether or not an account uses an address.
SIYASA_SIGNUP = env("SIYASA_SIGNUP", "open")
if SIYASA_SIGNUP not in {"open", "invite"}:
    raise ValueError("SIYASA_SIGNUP must be 'open' or 'invite'")
ACCOUNT_ADAPTER = "siyasa.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "siyasa.accounts.forms.SignInForm",
    "signup": "siyasa.accounts.forms.SignUpForm",
    "reset_password": "siyasa.accounts.forms.PasswordResetForm",
}
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Sessions end with the browser (SESSION_EXPIRE_AT_BROWSER_CLOSE); no "remember me" box.
ACCOUNT_SESSION_REMEMBER = False

# Two-factor sign-in (allauth.mfa): time-based codes from an authenticator app, and single-use
# recovery codes for a lost phone. One step of clock drift either way is accepted.
MFA_ADAPTER = "siyasa.accounts.adapter.TwoFactorAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Siyasa"
MFA_TOTP_TOLERANCE = 1
MFA_FORMS = {
    "authenticate": "siyasa.accounts.forms.AuthenticateForm",
    "reauthenticate": "siyasa.accounts.forms.ReauthenticateForm",
    "activate_totp": "siyasa.accounts.forms.ActivateTOTPForm",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Reminders (notify): jobs go through django-tasks with its database backend (ARCHITECTURE
# decision 8). `siyasa remind` enqueues one job per digest; `siyasa db_worker` delivers them.
# On Django 6 the core `django.tasks` replaces the `django_tasks` package; the backend stays.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The cache holds the per-address request counts of the rate limits (django-ratelimit, used as a
# library) and the rendered policy pages. By default it lives in the database, in a table that a
# migration makes (core/migrations), so it is shared by every web server and worker process — as a
# per-process memory cache would not be — and works after `siyasa migrate` alone on SQLite and on
# PostgreSQL, with nothing else to run. Its increment is atomic (core/cache.py), which Django's own
# database cache does not promise. CACHE_URL picks another (core/cache_url.py): Redis or Memcached
# for several servers; `locmem://` counts the rate limits per process.
CACHES = {"default": cache_url.parse(env("CACHE_URL"))}
# Off, every policy page is rendered anew (for benchmarks and to rule the cache out).
SIYASA_PAGE_CACHE = envbool("SIYASA_PAGE_CACHE", True)
RATELIMIT_USE_CACHE = "default"
# Requests for the PDF and Word files per address (REMOTE_ADDR: behind a proxy, the proxy's),
# across both kinds and languages. A "being prepared" page reloads every 5 seconds, 12 a minute.
SIYASA_EXPORT_RATE = env("SIYASA_EXPORT_RATE", "30/m")
# Visits to invitation links per address, opened or sent: enough for a person, too few to guess
# tokens. Sign-in, sign-up and password reset keep allauth's own limits (ACCOUNT_RATE_LIMITS).
SIYASA_INVITATION_RATE = env("SIYASA_INVITATION_RATE", "20/m")
# Drafts checked per signed-in person (the post check reads every word of a 5,000-character draft).
SIYASA_CHECK_RATE = env("SIYASA_CHECK_RATE", "30/m")
# Days a decided or withdrawn review request keeps its draft before the daily run removes it.
SIYASA_REVIEW_RETENTION_DAYS = envint("SIYASA_REVIEW_RETENTION_DAYS", 90)

# Existing policies uploaded for analysis per signed-in person (each is read whole, up to 10 MB).
SIYASA_INTAKE_RATE = env("SIYASA_INTAKE_RATE", "20/h")
# Searches per address (an empty search box does not count).
SIYASA_SEARCH_RATE = env("SIYASA_SEARCH_RATE", "60/m")
# Downloads of a whole organisation's file (settings page, owners only) per address.
SIYASA_ORG_EXPORT_RATE = env("SIYASA_ORG_EXPORT_RATE", "10/h")
# E-mails carry absolute links: the address at which people reach this installation.
SIYASA_BASE_URL = env("SIYASA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# A job worker that has not beaten for this long, or an e-mail waiting this long, means mail is
# not moving: owners and policy admins see a banner, the crisis room says alerts are queued,
# /healthz answers 503.
SIYASA_DELIVERY_STALE_MINUTES = envint("SIYASA_DELIVERY_STALE_MINUTES", 5)
# `siyasa scheduler` (and `siyasa serve`) run the daily reminders and health snapshots at this
# local time (TIME_ZONE), once a day; a run missed while the server was down runs at start.
SIYASA_DAILY_AT = env("SIYASA_DAILY_AT", "07:00")
