from accounts.device_zone import time_zone_offer
from accounts.discreet import discreet_cookie_set
from accounts.offline_owner import offline_owner


def preferences(request) -> dict:
    prefs = getattr(request, "preferences", None)
    if prefs is not None:
        offer = time_zone_offer(request)
        return {
            "discreet_mode": prefs.discreet_mode,
            "offline_owner": offline_owner(request.user),
            "time_zone_offer": offer,
            "time_zone_offer_label": offer.replace("_", " ") if offer else "",
            "time_zone_current_label": prefs.time_zone.replace("_", " "),
        }
    # Not logged in: the choice of whoever last logged in with this browser.
    return {"discreet_mode": discreet_cookie_set(request)}
