"""Template filters for insights wording that depends on the reader's language."""

from django import template

from insights.wording import mid_sentence as _mid_sentence

register = template.Library()


@register.filter
def mid_sentence(text) -> str:
    """A label as it reads inside a sentence (see insights.wording.mid_sentence)."""
    return _mid_sentence(str(text))
