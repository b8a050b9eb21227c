from accounts.discreet import discreet_cookie_set


def preferences(request) -> dict:
    prefs = getattr(request, "preferences", None)
    if prefs is not None:
        return {"discreet_mode": prefs.discreet_mode}
    # Not logged in: the choice of whoever last logged in with this browser.
    return {"discreet_mode": discreet_cookie_set(request)}
