"""The main navigation, shared by the top bar (desktop) and the tab bar (phones)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

# The desktop top bar shows every main page; the phone tab bar only those with a short
# label, and "More" holds the rest there.
# (url name, label, short label for the phone tab bar or "" to keep it in "More").
MAIN_PAGES = [
    ("insights:dashboard", _("Dashboard"), _("Home")),
    ("entries:list", _("Entries"), _("Entries")),
    ("insights:overview", _("Insights"), _("Insights")),
    ("insights:export", _("Export"), ""),
    ("accounts:settings", _("Settings"), ""),
]
MORE_PAGES = [
    ("entries:partners", _("Partners")),
    ("entries:tags", _("Your factors")),
    ("checkins:list", _("Check-ins")),
    ("sharing:list", _("Share links")),
    ("insights:calendar", _("Calendar")),
    ("insights:partner_guide", _("Guide for a partner")),
    ("entries:privacy", _("What your phone keeps")),
]
LOG_PAGE = "entries:create"


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    tab_label: str
    active: bool


def _url_or_none(name: str) -> str | None:
    # A page that a later part of the app adds is simply left out until it exists.
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


# The navigation's addresses for each URL configuration and script prefix: the same for
# every request, so reversed once rather than a dozen times per page.
_urls: dict[tuple[str, str], dict[str, str | None]] = {}


def _page_urls() -> dict[str, str | None]:
    key = (str(get_urlconf() or settings.ROOT_URLCONF), get_script_prefix())
    urls = _urls.get(key)
    if urls is None:
        names = [LOG_PAGE, *(page[0] for page in MAIN_PAGES), *(page[0] for page in MORE_PAGES)]
        urls = _urls[key] = {name: _url_or_none(name) for name in names}
    return urls


def _forget_urls(**kwargs) -> None:
    _urls.clear()


setting_changed.connect(_forget_urls)


def _is_active(path: str, url: str) -> bool:
    return path == url if url == "/" else path.startswith(url)


def navigation(request) -> dict:
    if not request.user.is_authenticated:
        return {}
    urls = _page_urls()
    on_log_page = request.path == urls[LOG_PAGE]
    items = []
    for name, label, tab_label in MAIN_PAGES:
        url = urls[name]
        if url:
            active = not on_log_page and _is_active(request.path, url)
            items.append(NavItem(url, str(label), str(tab_label), active))
    more = []
    for name, label in MORE_PAGES:
        url = urls[name]
        if url:
            more.append(NavItem(url, str(label), "", _is_active(request.path, url)))
    # "More" is highlighted when the page is one of those it holds on that screen.
    more_active = any(item.active for item in more)
    return {
        "nav_items": items,
        "nav_more": more,
        "nav_more_active": more_active,
        "nav_tab_more": [item for item in items if not item.tab_label] + more,
        "nav_tab_more_active": more_active
        or any(item.active for item in items if not item.tab_label),
        "nav_log_active": on_log_page,
        # Everything the bars show that differs from page to page (the labels follow
        # the language): the bars are drawn once for each (pct_journal.memo_fragment).
        "nav_state": (
            tuple(item.active for item in items),
            tuple(item.active for item in more),
            on_log_page,
        ),
    }
