"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment
variables, so one code base runs embedded (SQLite, in-process tasks) or scaled
out (PostgreSQL, Redis, database task worker) without code changes.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
# Serve MEDIA_ROOT from Django itself (the embedded default; production has a web server).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Field translations (title_zh_hans / title_en …) of pages, snippets and settings; first, so
    # its patches see every model. Its makemigrations leaves wagtailcore's Page alone: the page
    # table's translation columns come from home's migration 0008 (so migrate notes that
    # wagtailcore's models have changes without a migration; that is expected).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "accounts",
    "home",
    "products",
    "guides",
    "help_center",
    "commerce",
    "search",
    "analytics",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app with the shop's staff management (accounts/admin.py).
    "accounts.apps.ShopUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Refuses control characters (NUL...) in the address, cookies and forms with a 400,
    # before the session or any view reads them (core/middleware.py).
    "core.middleware.HostileInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware for the language addresses (/en/…): the address decides the
    # language; a root page opened by a shopper who chose English redirects to /en/….
    "core.languages.ShopLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Counts a visit when a shopper lands and keeps where it came from (core/events.py).
    "core.events.VisitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.ShopCSPMiddleware",
    "home.middleware.no_transform_middleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.storefront",
                "commerce.cart.context_processors.cart_summary",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a small team at once (shoppers, editors, merchandisers).
    # Write-ahead logging lets readers go on while one connection writes; every transaction
    # takes the write lock when it begins (IMMEDIATE) instead of failing with "database is
    # locked" when it first writes, and waits up to 20 s for it. synchronous=NORMAL is safe
    # with WAL (a power cut may lose the last commits, never corrupt the file).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the shop's queries are short, and PostgreSQL's cost estimate sends a
    # recommendation row's candidate query through a JIT compile that takes seconds (measured
    # in bench/analytics.py: a product page 1.1–1.5 s with JIT, ~90 ms without).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Axes first: it refuses a locked-out sign-in before any password is checked. The
# shop's backend accepts a username, e-mail address or mobile number.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailOrMobileBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"

# Login throttling (accounts/throttling.py), storefront and admin alike, for an hour: five
# failures for one account from one address pause that account from that address; twenty from
# one address, whatever the accounts, pause every sign-in from it. Never keyed by the account
# alone, so a lockout cannot keep the owner out when signing in from elsewhere.
AXES_FAILURE_LIMIT = 5
SHOP_CONNECTION_FAILURE_LIMIT = int(os.environ.get("SHOP_CONNECTION_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_HANDLER = "accounts.throttling.ShopAxesHandler"
# The visitor's address; X-Forwarded-For counts only when sent by one of TRUSTED_PROXIES
# (comma-separated addresses of our own reverse proxies), never when a visitor sends it.
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip_address"
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# The offline IP-to-region database (a MaxMind DB City file, e.g. GeoLite2-City.mmdb) that gives
# a visitor without an address a province for regional offers; kept up to date outside the
# shop, never downloaded by it. Unset or missing: no lookup (commerce/promotions/geoip.py).
IP_REGION_DATABASE = os.environ.get("IP_REGION_DATABASE", "")
# One counter per account whichever name (username, e-mail, mobile) was typed.
AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"
# A locked-out shopper gets a page that explains the wait (HTTP 429), not a bare text.
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"

# Languages: English and Simplified Chinese. URLs stay language-free (public URLs
# are stable); the choice travels in the language cookie set by /i18n/setlang/.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: local memory unless REDIS_URL points at a Redis server.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shop"}
    }

# Background work: the database queue when a worker runs (production), otherwise
# tasks run in-process right away.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# Orders: an order awaiting payment is cancelled after this many minutes, releasing
# its stock and red packet (``manage.py cancel_unpaid_orders`` runs from cron).
ORDER_PAYMENT_TIMEOUT_MINUTES = int(os.environ.get("ORDER_PAYMENT_TIMEOUT_MINUTES", "1440"))
# Payments. The demo gateway (a "pay / fail" page on this site posting a signed
# notification back) lets the online flow be tried without a provider account;
# production settings switch it off. Its HMAC key defaults to one derived from SECRET_KEY.
PAYMENT_DEMO_GATEWAY = env_bool("PAYMENT_DEMO_GATEWAY", True)
PAYMENT_DEMO_SECRET = os.environ.get("PAYMENT_DEMO_SECRET", "")
# Alipay (RSA2): offered only when the app id and both keys are set. Keys as PEM or bare
# base64 text, or as paths to files holding them.
ALIPAY_APP_ID = os.environ.get("ALIPAY_APP_ID", "")
ALIPAY_PRIVATE_KEY = os.environ.get("ALIPAY_PRIVATE_KEY", "")
ALIPAY_PRIVATE_KEY_PATH = os.environ.get("ALIPAY_PRIVATE_KEY_PATH", "")
ALIPAY_PUBLIC_KEY = os.environ.get("ALIPAY_PUBLIC_KEY", "")
ALIPAY_PUBLIC_KEY_PATH = os.environ.get("ALIPAY_PUBLIC_KEY_PATH", "")
ALIPAY_SANDBOX = env_bool("ALIPAY_SANDBOX", False)
# WeChat Pay Native (QR code, API v3): offered only when all of these are set. The merchant's
# private key and WeChat Pay's public key as PEM or bare base64 text, or as paths to files.
WECHATPAY_MCHID = os.environ.get("WECHATPAY_MCHID", "")
WECHATPAY_APPID = os.environ.get("WECHATPAY_APPID", "")
WECHATPAY_APIV3_KEY = os.environ.get("WECHATPAY_APIV3_KEY", "")
WECHATPAY_CERT_SERIAL_NO = os.environ.get("WECHATPAY_CERT_SERIAL_NO", "")
WECHATPAY_PRIVATE_KEY = os.environ.get("WECHATPAY_PRIVATE_KEY", "")
WECHATPAY_PRIVATE_KEY_PATH = os.environ.get("WECHATPAY_PRIVATE_KEY_PATH", "")
WECHATPAY_PUBLIC_KEY = os.environ.get("WECHATPAY_PUBLIC_KEY", "")
WECHATPAY_PUBLIC_KEY_PATH = os.environ.get("WECHATPAY_PUBLIC_KEY_PATH", "")
WECHATPAY_PUBLIC_KEY_ID = os.environ.get("WECHATPAY_PUBLIC_KEY_ID", "")
# Behaviour events (core/events.py, analytics/): raw events are kept this many days
# (``manage.py analytics_purge``); the daily rollups the reports read are kept for good.
ANALYTICS_RETENTION_DAYS = int(os.environ.get("ANALYTICS_RETENTION_DAYS", "180"))
# Best-sellers of the last 24 hours are recomputed at most this often (seconds).
BEST_SELLERS_CACHE_SECONDS = int(os.environ.get("BEST_SELLERS_CACHE_SECONDS", "300"))

# E-mail
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# Seconds an SMTP connection may hang before the send fails (and the outbox retries later).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Shop <shop@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content security policy: every asset is served by us, nothing from a CDN, and the
# storefront runs no inline script (the admin gets what it needs in home.middleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Shop"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text); with
# ELASTICSEARCH_URL, pages and the product index move to Elasticsearch, and the
# database backend stays indexed as the fallback when Elasticsearch is down.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_PRODUCT_INDEX = os.environ.get("ELASTICSEARCH_PRODUCT_INDEX", "products")
# A hung cluster must not hold a worker: each request gives up after this many seconds
# (connecting, and each read) and is not retried; after a failure Elasticsearch is skipped
# for the cooldown and the database answers (search.elasticsearch.breaker).
ELASTICSEARCH_TIMEOUT_SECONDS = float(os.environ.get("ELASTICSEARCH_TIMEOUT_SECONDS", "1"))
ELASTICSEARCH_COOLDOWN_SECONDS = int(os.environ.get("ELASTICSEARCH_COOLDOWN_SECONDS", "30"))
# core.search_backend is Wagtail's database backend with SQLite queries that quotes and
# field lists cannot break (see its docstring).
DATABASE_SEARCH = {"BACKEND": "core.search_backend"}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's elasticsearch8 backend behind the same breaker.
            "BACKEND": "search.elasticsearch.backend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": "wagtail",
            "TIMEOUT": ELASTICSEARCH_TIMEOUT_SECONDS,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": {},
        },
        "database": DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {
    "png": "webp",
    "jpeg": "webp",
    "gif": "gif",
    "bmp": "webp",
    "webp": "webp",
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin either
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_I18N_ENABLED = False
# Content in both languages: each translated field has a _zh_hans and an _en column (see the
# apps' translation.py); reading the field gives the active language's value, English falls
# back to Chinese (and Chinese to English, should only English exist), never to an empty value.
# Slugs are not translated: /en/… is the same path.
MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hans", "en")}
# A page or snippet made in code with one plain value (``Product(name=…)``) has it in the
# Chinese column too, whatever the active language: the Chinese column is the required one.
MODELTRANSLATION_AUTO_POPULATE = "default"
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Storefront
SHOP_CURRENCY = "CNY"
SHOP_CURRENCY_SYMBOL = "¥"

# Baidu link submission (manage.py baidu_push): off until a token is set. Addresses are built
# from BAIDU_PUSH_SITE, the site verified in Baidu's webmaster tools; the last push's moment
# and quota are kept in BAIDU_PUSH_STATE_FILE.
BAIDU_PUSH_TOKEN = os.environ.get("BAIDU_PUSH_TOKEN", "")
BAIDU_PUSH_SITE = os.environ.get("BAIDU_PUSH_SITE", WAGTAILADMIN_BASE_URL)
BAIDU_PUSH_ENDPOINT = os.environ.get("BAIDU_PUSH_ENDPOINT", "http://data.zz.baidu.com/urls")
BAIDU_PUSH_TIMEOUT_SECONDS = float(os.environ.get("BAIDU_PUSH_TIMEOUT_SECONDS", "10"))
BAIDU_PUSH_STATE_FILE = os.environ.get(
    "BAIDU_PUSH_STATE_FILE", str(BASE_DIR / "var" / "baidu_push.json")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
