"""The charts' colours, one pair (light, dark) per role, in one SVG that follows the system.

The SVG is shown in an `<img>`, which cannot read the page's CSS. So each chart is drawn
once with a placeholder colour per role, and the SVG text is rewritten to use CSS
variables (`fill: var(--c-ink, #3b4045)`) that a `<style>` block inside the SVG sets for
`prefers-color-scheme: light` and `dark`. Browsers evaluate that media query for SVG
images too, the same way `static/js/theme.js` sets the page's colour mode, so one cached
SVG per chart serves both modes. The background stays transparent: the card behind it
gives the surface colour.

The hues come from the app's calm palette (teal accent, plum for episodes, never red)
and are spaced apart in lightness as well as hue, so readers with any common form of
colour blindness can still tell them apart; every series also differs by marker or line
style, and the "show as table" view carries the same numbers without colour.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    name: str
    light: str
    dark: str


ROLES = (
    Role("ink", "#3b4045", "#c9cdd1"),  # text, axis labels
    Role("muted", "#6b7177", "#9aa1a8"),  # ticks, secondary text
    Role("grid", "#e4ded6", "#343a40"),
    Role("entries", "#5fa39a", "#4f978e"),  # teal: an entry, calm or not
    Role("episodes", "#6b4a7a", "#d9bde6"),  # plum: an episode
    Role("rate", "#a35f16", "#e8a860"),  # ochre: the episode rate line
    Role("sadness", "#3a6ea5", "#8db8e8"),
    Role("irritation", "#a35f16", "#e8a860"),
    Role("agitation", "#2e7d5b", "#7fcda8"),
    Role("anxiety", "#8e4585", "#dc9ed3"),
    Role("halo", "#ffffff", "#1e2226"),  # the card surface, to outline markers
    Role("cell0", "#f1ede8", "#262b30"),  # calendar: a day without entries
    Role("cell1", "#bcdcd6", "#2d5a55"),
    Role("cell2", "#7fbcb2", "#3f8279"),
    Role("cell3", "#2b6863", "#86cbc1"),
    Role("band0", "#f4f1ed", "#22272b"),  # check-in severity bands, calm neutral steps
    Role("band1", "#ece6df", "#292e33"),
    Role("band2", "#e3dad0", "#30363c"),
    Role("band3", "#d9ccbf", "#383f46"),
    Role("band4", "#cfbfb0", "#414950"),
)
ROLE_BY_NAME = {role.name: role for role in ROLES}


def colour(name: str) -> str:
    """The colour matplotlib draws a role in, replaced by a CSS variable afterwards.

    Near-black values that nothing else in a chart uses, so the rewrite is unambiguous.
    """
    index = list(ROLE_BY_NAME).index(name)
    return f"#0a0b{index + 1:02x}"


def stylesheet() -> str:
    light = ";".join(f"--c-{role.name}:{role.light}" for role in ROLES)
    dark = ";".join(f"--c-{role.name}:{role.dark}" for role in ROLES)
    return f":root{{{light}}}@media (prefers-color-scheme: dark){{:root{{{dark}}}}}"


def apply_to_svg(svg: str) -> str:
    """Swap every placeholder for its CSS variable (with the light colour as fallback)."""
    for role in ROLES:
        svg = svg.replace(colour(role.name), f"var(--c-{role.name}, {role.light})")
    return svg
