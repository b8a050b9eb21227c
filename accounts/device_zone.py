"""The phone's time zone, sent by the login and sign-up forms (static/js/device_time_zone.js).

A new account takes the zone of the phone it was made on, so a person in Los Angeles
never starts with times eight hours off. A later login from a phone in another zone
changes nothing by itself (a journey should not silently move every past entry's
clock); the next page offers the switch instead, one tap either way.
"""

from allauth.account.signals import user_signed_up
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.services import preferences_for, preferences_time_zone_set
from accounts.timezones import known_time_zone

# The hidden field's name in templates/account/login.html and signup.html.
DEVICE_ZONE_FIELD = "device_time_zone"
OFFER_SESSION_KEY = "pct_time_zone_offer"


def _reported_zone(request: HttpRequest | None) -> str | None:
    if request is None or request.method != "POST":
        return None
    return known_time_zone(request.POST.get(DEVICE_ZONE_FIELD))


@receiver(user_signed_up, dispatch_uid="device_zone_signup")
def take_zone_of_new_account(sender, request, user, **kwargs):
    zone = _reported_zone(request)
    if zone:
        preferences_time_zone_set(user=user, time_zone=zone)


@receiver(user_logged_in, dispatch_uid="device_zone_login")
def offer_zone_after_login(sender, request, user, **kwargs):
    zone = _reported_zone(request)
    if zone is None or not hasattr(request, "session"):
        return
    if zone != preferences_for(user).time_zone:
        request.session[OFFER_SESSION_KEY] = zone
    else:
        request.session.pop(OFFER_SESSION_KEY, None)


def time_zone_offer(request: HttpRequest) -> str | None:
    """The phone's zone to offer on this page, if it differs from the journal's."""
    prefs = getattr(request, "preferences", None)
    if prefs is None or not hasattr(request, "session"):
        return None
    zone = known_time_zone(request.session.get(OFFER_SESSION_KEY))
    return zone if zone and zone != prefs.time_zone else None
