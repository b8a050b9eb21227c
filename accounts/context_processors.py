def preferences(request) -> dict:
    prefs = getattr(request, "preferences", None)
    return {"discreet_mode": bool(prefs and prefs.discreet_mode)}
