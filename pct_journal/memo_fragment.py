"""`{% memo_fragment value ... %}...{% endmemo_fragment %}`: a part of a page rendered
once per process for each combination of the values named and the active language, and
then reused.

For the layout's parts that are the same for everyone who sees them with the same
values (the navigation, the script tags, the words the scripts write): drawing them for
every request was most of the cost of a page. Unlike Django's `{% cache %}`, nothing
leaves the process and no CSRF token is kept: the fragment is drawn with a placeholder
that each request's own token replaces. Everything else a fragment shows must follow
from the values named; nothing personal may be inside one.
"""

import weakref

from django import template
from django.core.signals import setting_changed
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

# Only letters and dashes, so that escaping leaves it as it is.
CSRF_PLACEHOLDER = "memo-fragment-csrf-token"
# Far more than the combinations the layout has; a bound, should values ever be unbounded.
MAX_VARIANTS = 256
_nodes: "weakref.WeakSet[MemoFragmentNode]" = weakref.WeakSet()


class MemoFragmentNode(template.Node):
    def __init__(self, nodelist: NodeList, vary_on: list[FilterExpression]):
        self.nodelist = nodelist
        self.vary_on = vary_on
        self.rendered: dict[tuple, str] = {}
        _nodes.add(self)

    def render(self, context) -> SafeString:
        token = context.get("csrf_token")
        if token is None:
            # Outside a request (an e-mail, a PDF): drawn as written, nothing kept.
            return self.nodelist.render(context)
        key = (get_language(), *(value.resolve(context) for value in self.vary_on))
        fragment = self.rendered.get(key)
        if fragment is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                fragment = str(self.nodelist.render(context))
            if len(self.rendered) >= MAX_VARIANTS:
                self.rendered.clear()
            self.rendered[key] = fragment
        if CSRF_PLACEHOLDER in fragment:
            value = str(token)
            if value == "NOTPROVIDED":  # no CSRF middleware: {% csrf_token %} writes nothing
                return self.nodelist.render(context)
            # The token is letters and digits, safe as it is.
            fragment = fragment.replace(CSRF_PLACEHOLDER, value)
        return mark_safe(fragment)  # noqa: S308  # nosec B308 B703


@register.tag
def memo_fragment(parser: Parser, token: Token) -> MemoFragmentNode:
    nodelist = parser.parse(("endmemo_fragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    return MemoFragmentNode(nodelist, vary_on)


def _forget_fragments(**kwargs) -> None:
    # A changed setting (a test's static files, say) may change what a fragment shows.
    for node in list(_nodes):
        node.rendered.clear()


setting_changed.connect(_forget_fragments)
