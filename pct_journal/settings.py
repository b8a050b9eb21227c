"""Settings for PCT Journal, read from the environment (see docs/configuration.md).

DEBUG is off unless DJANGO_DEBUG turns it on (`make run` does, for the development
server). Without DEBUG the app refuses to start until the production values it needs
are set, so a bare `manage.py` never quietly runs with development defaults.
"""

from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from pct_journal.client_address import trusted_networks
from pct_journal.env import env_bool, env_int, env_list, env_str
from pct_journal.keyfiles import read_or_create_key
from pct_journal.private_files import private_directory

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("DJANGO_VAR_DIR", str(BASE_DIR / "var")))
# Keys, the SQLite database and the file caches live here: a folder for this user only
# (pct_journal.private_files makes the database files themselves 0600).
private_directory(VAR_DIR)

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if SECRET_KEY is None:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY when DJANGO_DEBUG=False.")
    SECRET_KEY = read_or_create_key(VAR_DIR / "secret_key", get_random_secret_key)

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS when DJANGO_DEBUG=False.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Notes are encrypted with these keys, independent of SECRET_KEY. Newest first: new
# values are encrypted with the first key, and every key can still decrypt.
FIELD_ENCRYPTION_KEYS = env_list("DJANGO_FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_FIELD_ENCRYPTION_KEYS when DJANGO_DEBUG=False.")
    FIELD_ENCRYPTION_KEYS = [
        read_or_create_key(VAR_DIR / "field_encryption_key", lambda: Fernet.generate_key().decode())
    ]

ADMIN_ENABLED = env_bool("DJANGO_ADMIN_ENABLED", False)
ALLOW_SIGNUP = env_bool("DJANGO_ALLOW_SIGNUP", True)

INSTALLED_APPS = [
    # The admin, reachable only after two-factor authentication (pct_journal/admin_site.py).
    "pct_journal.apps.MFAAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    # The task queue that works out a person's insights after each write, and its
    # database backend: `manage.py db_worker` runs the tasks (docs/deployment.md).
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "entries",
    "insights",
    "audit",
    "checkins",
    "sharing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # no-store and Permissions-Policy on everything Django renders (not static files).
    "pct_journal.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the language cookie, else the browser's Accept-Language; a
    # signed-in person's own choice replaces it in UserPreferencesMiddleware.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every view needs a login unless it says otherwise (@login_not_required).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session limits; after messages so the login page can say why.
    "accounts.session_limits.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "accounts.middleware.UserPreferencesMiddleware",
    # Remembers discreet mode in a cookie for the logged-out pages (accounts/discreet.py).
    "accounts.discreet.DiscreetCookieMiddleware",
]

ROOT_URLCONF = "pct_journal.urls"
WSGI_APPLICATION = "pct_journal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.preferences",
                "pct_journal.navigation.navigation",
            ],
            "libraries": {
                "bootstrap_fields": "pct_journal.bootstrap_fields",
                "memo_fragment": "pct_journal.memo_fragment",
            },
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Databases: SQLite in var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes. synchronous=FULL makes each
        # commit durable across a power cut, which a journal owes its writer; the cost
        # is one extra fsync per commit, invisible at the rate people log entries.
        # secure_delete overwrites deleted rows with zeros instead of leaving them in
        # free space, where a copy of the file would still show them; after a deletion
        # the WAL is folded into the file and emptied (pct_journal.wal_checkpoint).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
        "PRAGMA secure_delete=ON;",
        # IMMEDIATE takes the write lock at BEGIN, so two writers queue on the busy
        # timeout instead of failing with "database is locked" halfway through.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

REDIS_URL = env_str("REDIS_URL")
# Two caches. "default" holds allauth's login rate limits and lockouts: small, and never
# pushed out by anything a person can make many of. "derived" holds the charts, reports
# and entry frames worked out from journals (pct_journal.chart_cache), each encrypted with
# its owner's key, so asking for many periods only ever pushes out other charts.
if REDIS_URL:
    # One Redis serves both, under separate prefixes; give it a maxmemory-policy that
    # evicts only keys with a timeout (volatile-lru): every derived value has one.
    CACHES: dict[str, dict[str, object]] = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (("default", "pct"), ("derived", "pct-derived"))
    }
else:
    # Without Redis the caches live in files under var/cache (a 0700 directory), so
    # every gunicorn worker on this machine shares the same rate-limit and lockout
    # counters and reuses the same rendered charts. A per-process memory cache would
    # multiply the login limits by the number of workers.
    private_directory(VAR_DIR / "cache")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "limits"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "derived": {
            # Django's file cache without zlib: these values are ciphertext.
            "BACKEND": "pct_journal.sealed_file_cache.SealedFileCache",
            "LOCATION": str(VAR_DIR / "cache" / "derived"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Tasks (insights.tasks) wait in the database until `manage.py db_worker` runs them; the
# tests run them at once instead (tests/conftest.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's and allauth's backends, loading the person with their preferences in one query.
AUTHENTICATION_BACKENDS = [
    "accounts.auth_backends.JournalModelBackend",
    "accounts.auth_backends.JournalAllauthBackend",
]

# django-allauth: log in with username or email; email is optional and only used to
# reset a forgotten password (sign-up and email settings: the hardening block below).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "insights:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# TOTP secrets and recovery-code seeds are encrypted with FIELD_ENCRYPTION_KEYS.
MFA_ADAPTER = "accounts.mfa_adapter.MFAAdapter"
# Passkeys (WebAuthn, docs/passkeys.md). A passkey is bound to the host name the app is
# served at (the relying-party id comes from the request's Host, which ALLOWED_HOSTS
# checks), so a look-alike site cannot use it. One with user verification (the phone's
# fingerprint, face or PIN) logs in without a password and counts as both factors; after
# a password, any passkey is a second factor. Logins by passkey go through the same
# login flow as passwords: session clock, known-browser cookie and security log.
MFA_PASSKEY_LOGIN_ENABLED = True
# Signing up with a passkey alone stays off: allauth needs a verified email for it, and
# here email is optional and never verified, so an account whose only key was on a lost
# phone would have no way back in. People sign up with a password and add a passkey.
MFA_PASSKEY_SIGNUP_ENABLED = False
# Never on: it skips the origin check entirely (any site's assertion would be accepted),
# which is what makes passkeys phishing-proof. http://localhost passes without it.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
# The passkey forms in the app's words (a new passkey logs in without a password unless
# unticked), answering a malformed credential with a form error instead of a 500.
MFA_FORMS = {
    "add_webauthn": "accounts.passkey_forms.AddPasskeyForm",
    "edit_webauthn": "accounts.passkey_forms.EditPasskeyForm",
    "login_webauthn": "accounts.passkey_forms.PasskeyLoginForm",
    "authenticate_webauthn": "accounts.passkey_forms.PasskeySecondStepForm",
    "reauthenticate_webauthn": "accounts.passkey_forms.PasskeyReauthenticateForm",
}
# Wrong or forged passkey logins: 10 a minute per address (allauth's default, written
# out). They cannot guess anything, so they do not count towards the password lockout,
# and a passkey login does not lift it either.
MFA_RATE_LIMITS = {"webauthn_login": "10/m/ip"}
# Rate limits (allauth keeps the counters in the cache: set REDIS_URL when several app
# servers run, or each keeps its own). "login_failed" is the lockout: after
# LOGIN_ATTEMPTS failed passwords for one account within LOCKOUT minutes, that account
# cannot log in until the oldest failure is LOCKOUT minutes old. It always ends by
# itself (a single-person install must never lock its owner out for good), and a
# password reset by email lifts it at once.
LOGIN_ATTEMPTS = env_int("DJANGO_LOGIN_ATTEMPTS", 5, minimum=1)
LOGIN_LOCKOUT_MINUTES = env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": f"10/m/ip,{LOGIN_ATTEMPTS}/{LOGIN_LOCKOUT_MINUTES}m/key",
    "signup": "20/m/ip,50/h/ip",
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
# Re-authentication (password or second factor) counts for this many seconds before
# deleting the account, creating a share link or downloading a full backup.
ACCOUNT_REAUTHENTICATION_TIMEOUT = env_int("DJANGO_REAUTHENTICATION_SECONDS", 300, minimum=30)
# --- Account and request hardening (SECURITY.md, "Threat model"); a comment per decision.
# Confirmation messages ("Added Sam.") name partners and factors: they wait for the
# next page in the server-side session, never in a cookie a browser profile keeps.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Sign-up asks for a username and a password only. With an email field it either told
# anyone which addresses have accounts ("already registered") or, to hide that, would
# have to make every new account wait for a verification mail. An address is added
# afterwards in Settings → Email; allauth's enumeration prevention keeps the password
# reset and that page from saying whether an address is taken.
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_PREVENT_ENUMERATION = True
# An added address gets a verification link; until it is followed, no password reset
# goes to it (accounts.forms.ResetPasswordForm). "optional": logging in never waits for
# it, and an account without any address works as before.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
}
# Adding, removing or choosing the main address needs the password (or a second
# factor) within ACCOUNT_REAUTHENTICATION_TIMEOUT: a borrowed session cannot quietly
# plant an address for a password reset.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Every verified address hears of changes to the account's addresses, password and
# two-factor settings (accounts.adapter, accounts/email_changes.py).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# X-Forwarded-For is believed only from these proxies (addresses or networks), and the
# default trusts none: gunicorn may be reachable directly, and then anyone could name
# a new address per request (pct_journal/client_address.py, docs/deployment-proxy.md).
# Behind nginx on the same machine: DJANGO_TRUSTED_PROXIES=127.0.0.1.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", [])
trusted_networks(TRUSTED_PROXIES)  # a typo stops the app here, not at the first login
if env_str("DJANGO_TRUSTED_PROXY_COUNT") is not None:
    raise ImproperlyConfigured(
        "DJANGO_TRUSTED_PROXY_COUNT is gone: name the proxies in DJANGO_TRUSTED_PROXIES."
    )
# allauth's own X-Forwarded-For reading stays off; accounts.adapter asks client_address.
ALLAUTH_TRUSTED_PROXY_COUNT = 0
# --- End of account and request hardening.

# Each login's security events are kept this long, then removed.
AUDIT_RETENTION_DAYS = env_int("DJANGO_AUDIT_RETENTION_DAYS", 365, minimum=1)
# A neutral issuer name: it is what an authenticator app shows on the phone.
MFA_TOTP_ISSUER = env_str("DJANGO_MFA_ISSUER", "Journal")

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "journal@localhost")

LANGUAGE_CODE = "en"
# The languages the interface is translated into; any other is refused (set_language,
# the settings form). Names in their own language, so anyone can find theirs.
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The journal's own date formats per language (pct_journal/formats/<code>/formats.py).
FORMAT_MODULE_PATH = ["pct_journal.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Security headers. Production values are on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
# The language switch's cookie (before signing in) is set like the others.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
if env_bool("DJANGO_BEHIND_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS preload is opt-in: the preload list binds the whole registrable domain and is
# slow to leave, which a self-hoster on journal.example.org may not be able to promise.
# check --deploy warns about it (security.W021) only when preload is deliberately off.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Sessions live in the database, read through the "default" cache under a hash of their
# key (pct_journal/session_store.py): one query less on every request.
SESSION_ENGINE = "pct_journal.session_store"
# A session lasts at most this long, however active, and ends after SESSION_IDLE_TIMEOUT
# without a request (both enforced by accounts.session_limits.SessionLimitsMiddleware).
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_MAX_AGE", 12 * 60 * 60, minimum=60)
SESSION_IDLE_TIMEOUT = env_int("DJANGO_SESSION_IDLE_MINUTES", 30, minimum=1) * 60

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws checkmarks and select arrows as data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        # The service worker (/sw.js, entries/views/offline.py) and nothing else.
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# The support screen a check-in leads to (PHQ-9 question 9) shows crisis lines for the
# person's country from a directory bundled with the app (checkins.support_directory).
# A host can replace its lists for everyone with a JSON file {"resources": [...],
# "emergency": [...]} named here (checkins.support_file; `manage.py check` validates it).
SUPPORT_RESOURCES_FILE = env_str("DJANGO_SUPPORT_RESOURCES_FILE")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{levelname} {name} {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint logs each step of every PDF at INFO; its warnings still come through.
        "weasyprint": {"level": "WARNING"},
        # fido2 logs each new passkey's credential id at INFO: an identifier of a person.
        "fido2": {"level": "WARNING"},
        # At DEBUG, Django's template engine logs every missing variable with a
        # traceback that holds the page's whole context (entries, nicknames): never
        # below INFO, whatever DJANGO_LOG_LEVEL says.
        "django.template": {"level": "INFO"},
    },
}
