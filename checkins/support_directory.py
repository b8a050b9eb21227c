"""Crisis and support lines by country, bundled with the app: nothing is fetched.

The support screen (and the PHQ-9 question 9 path) shows the lines of the person's
country first (accounts' `Preferences.support_country`: the country chosen in Settings,
else the one of their time zone), then the international fallback. A host can replace
the lists for everyone with DJANGO_SUPPORT_RESOURCES_FILE (checkins.support_file).

Every number here is a well-known national line, taken from the official page given as
its `source`; a line we could not confirm is left out rather than guessed. Numbers are
written the way a phone in that country dials them (local form, not E.164: several of
them, such as 988, 116 123 or 13 11 14, cannot be dialled from abroad at all). Listed
and explained in docs/support-lines.md; check them again when that page is reviewed.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SupportLine:
    name: str
    number: str  # as people in the country write it: "0800 111 0 111"
    purpose: str  # what the line is for, and when it answers
    source: str  # the official page the number comes from

    @property
    def tel(self) -> str:
        """What a `tel:` link dials: the digits (and a leading + if there is one)."""
        digits = "".join(char for char in self.number if char.isdigit())
        return f"+{digits}" if self.number.startswith("+") else digits


@dataclass(frozen=True)
class CountrySupport:
    emergency: tuple[str, ...]  # emergency numbers, the first one the most general
    lines: tuple[SupportLine, ...]


DIRECTORY: dict[str, CountrySupport] = {
    "US": CountrySupport(
        emergency=("911",),
        lines=(
            SupportLine(
                "988 Suicide & Crisis Lifeline",
                "988",
                "Call or text, free, any time, for any kind of emotional crisis.",
                "https://988lifeline.org/",
            ),
        ),
    ),
    "CA": CountrySupport(
        emergency=("911",),
        lines=(
            SupportLine(
                "9-8-8 Suicide Crisis Helpline",
                "988",
                "Call or text, free, any time, if you are thinking about suicide.",
                "https://988.ca/",
            ),
            SupportLine(
                "Kids Help Phone",
                "1 800 668 6868",
                "Free, any time, for young people.",
                "https://kidshelpphone.ca/",
            ),
        ),
    ),
    "GB": CountrySupport(
        emergency=("999", "112"),
        lines=(
            SupportLine(
                "Samaritans",
                "116 123",
                "Free, day or night, for anyone who is struggling.",
                "https://www.samaritans.org/",
            ),
            SupportLine(
                "NHS 111",
                "111",
                "Urgent help that is not an emergency; in England, choose the mental "
                "health option.",
                "https://www.nhs.uk/nhs-services/mental-health-services/"
                "where-to-get-urgent-help-for-mental-health/",
            ),
        ),
    ),
    "IE": CountrySupport(
        emergency=("112", "999"),
        lines=(
            SupportLine(
                "Samaritans",
                "116 123",
                "Free, day or night, for anyone who is struggling.",
                "https://www.samaritans.org/ireland/",
            ),
            SupportLine(
                "Pieta",
                "1800 247 247",
                "Free, any time, for suicidal thoughts and self-harm.",
                "https://www.pieta.ie/",
            ),
        ),
    ),
    "AU": CountrySupport(
        emergency=("000",),
        lines=(
            SupportLine(
                "Lifeline",
                "13 11 14",
                "Crisis support and suicide prevention, any time.",
                "https://www.lifeline.org.au/",
            ),
            SupportLine(
                "Suicide Call Back Service",
                "1300 659 467",
                "Any time, for people thinking about suicide and those close to them.",
                "https://www.suicidecallbackservice.org.au/",
            ),
            SupportLine(
                "Beyond Blue",
                "1300 22 4636",
                "Any time, for anxiety, depression and how you are feeling.",
                "https://www.beyondblue.org.au/",
            ),
        ),
    ),
    "NZ": CountrySupport(
        emergency=("111",),
        lines=(
            SupportLine(
                "1737, Need to talk?",
                "1737",
                "Call or text, free, any time, to talk with a trained counsellor.",
                "https://1737.org.nz/",
            ),
            SupportLine(
                "Lifeline Aotearoa",
                "0800 543 354",
                "Free, any time, for anyone who needs to talk.",
                "https://www.lifeline.org.nz/",
            ),
        ),
    ),
    "DE": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "TelefonSeelsorge",
                "0800 111 0 111",
                "Free and anonymous, day or night (also 0800 111 0 222 and 116 123).",
                "https://www.telefonseelsorge.de/",
            ),
        ),
    ),
    "AT": CountrySupport(
        emergency=("112", "144"),
        lines=(
            SupportLine(
                "Telefonseelsorge",
                "142",
                "Free and anonymous, day or night.",
                "https://www.telefonseelsorge.at/",
            ),
            SupportLine(
                "Rat auf Draht",
                "147",
                "Free, any time, for children and young people.",
                "https://www.rataufdraht.at/",
            ),
        ),
    ),
    "CH": CountrySupport(
        emergency=("112", "144"),
        lines=(
            SupportLine(
                "Die Dargebotene Hand / La Main Tendue / Telefono Amico",
                "143",
                "Anonymous, day or night, in German, French and Italian.",
                "https://www.143.ch/",
            ),
            SupportLine(
                "Pro Juventute",
                "147",
                "Free, any time, for children and young people.",
                "https://www.147.ch/",
            ),
        ),
    ),
    "FR": CountrySupport(
        emergency=("112", "15"),
        lines=(
            SupportLine(
                "3114, numéro national de prévention du suicide",
                "3114",
                "Free, any time, for people thinking about suicide and those close to them.",
                "https://3114.fr/",
            ),
            SupportLine(
                "SOS Amitié",
                "09 72 39 40 50",
                "Anonymous listening, day or night, for anyone in distress.",
                "https://www.sos-amitie.com/",
            ),
        ),
    ),
    "ES": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "Línea 024 de atención a la conducta suicida",
                "024",
                "Free and confidential, any time, for people thinking about suicide and "
                "those close to them.",
                "https://www.sanidad.gob.es/",
            ),
            SupportLine(
                "Teléfono de la Esperanza",
                "717 003 717",
                "Any time, for anyone going through a crisis.",
                "https://telefonodelaesperanza.org/",
            ),
        ),
    ),
    "IT": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "Telefono Amico Italia",
                "02 2327 2327",
                "Listening for anyone who feels lonely or in distress (see the site for "
                "the hours).",
                "https://www.telefonoamico.it/",
            ),
        ),
    ),
    "NL": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "113 Zelfmoordpreventie",
                "113",
                "Any time, for people thinking about suicide (also free on 0800 0113).",
                "https://www.113.nl/",
            ),
            SupportLine(
                "De Luisterlijn",
                "088 0767 000",
                "Day or night, for anyone who needs to talk.",
                "https://www.deluisterlijn.nl/",
            ),
        ),
    ),
    "BE": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "Zelfmoordlijn 1813",
                "1813",
                "Free and anonymous, any time, in Dutch.",
                "https://www.zelfmoord1813.be/",
            ),
            SupportLine(
                "Centre de Prévention du Suicide",
                "0800 32 123",
                "Free, any time, in French.",
                "https://www.preventionsuicide.be/",
            ),
        ),
    ),
    "SE": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "Självmordslinjen (Mind)",
                "90101",
                "Any time, for people thinking about suicide.",
                "https://mind.se/hitta-hjalp/sjalvmordslinjen/",
            ),
            SupportLine(
                "1177 Vårdguiden",
                "1177",
                "Healthcare advice by phone, any time.",
                "https://www.1177.se/",
            ),
        ),
    ),
    "NO": CountrySupport(
        emergency=("112", "113"),
        lines=(
            SupportLine(
                "Mental Helse Hjelpetelefonen",
                "116 123",
                "Free, any time, for anyone who needs to talk.",
                "https://mentalhelse.no/",
            ),
        ),
    ),
    "DK": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "Livslinien",
                "70 201 201",
                "Anonymous, for people thinking about suicide (see the site for the hours).",
                "https://www.livslinien.dk/",
            ),
        ),
    ),
    "IN": CountrySupport(
        emergency=("112",),
        lines=(
            SupportLine(
                "Tele-MANAS",
                "14416",
                "The national mental health line: free, any time, in many languages "
                "(also 1800 891 4416).",
                "https://telemanas.mohfw.gov.in/",
            ),
        ),
    ),
}

# After the country's lines, or alone when the country is unknown or not listed. A plain
# link: the app never sends a request to it.
INTERNATIONAL = (
    {
        "name": "Find A Helpline",
        "region": "Other countries",
        "contact": "Free, confidential helplines in many countries, searchable by country.",
        "url": "https://findahelpline.com/",
    },
)
# Emergency numbers when the country is unknown: the most widely known ones.
INTERNATIONAL_EMERGENCY = (
    {"region": "US and Canada", "number": "911"},
    {"region": "UK", "number": "999"},
    {"region": "Europe, and most mobile phones", "number": "112"},
    {"region": "Australia", "number": "000"},
)
