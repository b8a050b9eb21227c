"""The main navigation, shared by the top bar (desktop) and the tab bar (phones)."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
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


def _is_active(path: str, url: str) -> bool:
    return path == url if url == "/" else path.startswith(url)


def navigation(request) -> dict:
    if not request.user.is_authenticated:
        return {}
    log_url = reverse("entries:create")
    on_log_page = request.path == log_url
    items = []
    for name, label, tab_label in MAIN_PAGES:
        url = _url_or_none(name)
        if url:
            active = not on_log_page and _is_active(request.path, url)
            items.append(NavItem(url, str(label), str(tab_label), active))
    more = []
    for name, label in MORE_PAGES:
        url = _url_or_none(name)
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
    }
