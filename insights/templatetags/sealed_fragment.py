"""`{% sealed_fragment value ... %}...{% endsealed_fragment %}`: a part of a page about
the person's own journal, rendered once for each combination of the values named and
then kept in their encrypted cache (pct_journal.chart_cache), like the charts.

For parts drawn from values that are themselves kept per data version (the insights
page's cards): the key holds a digest of those values, so the fragment is drawn again
whenever they differ, and the data version, today and the language, as every key of
that cache does (with its format, chart_cache.CHARTS_FORMAT, bumped when what is
drawn changes). Everything the fragment shows must follow from the values named; it
must hold no CSRF token (none is kept; a GET form has none).
"""

import hashlib
import pickle  # nosec B403

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from pct_journal import chart_cache

register = template.Library()


class SealedFragmentNode(template.Node):
    def __init__(self, nodelist: NodeList, vary_on: list[FilterExpression], source: str):
        self.nodelist = nodelist
        self.vary_on = vary_on
        # The markup of the template it is in is part of the key: a shared cache
        # (Redis) can outlive a deploy that changes it.
        self.source_digest = hashlib.sha256(source.encode()).digest()

    def render(self, context) -> SafeString:
        request = context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.nodelist.render(context)
        values = [value.resolve(context) for value in self.vary_on]
        # Pickled only to take a digest: nothing is ever unpickled here.
        digest = hashlib.sha256(self.source_digest + pickle.dumps(values)).hexdigest()
        key = chart_cache.page_part_key("fragment", user=user, digest=digest)
        html = chart_cache.cached(key, lambda: str(self.nodelist.render(context)))
        # Rendered (and escaped) by the template, and sealed by us: AES-GCM refuses
        # anything else.
        return mark_safe(html)  # noqa: S308  # nosec B308 B703


@register.tag
def sealed_fragment(parser: Parser, token: Token) -> SealedFragmentNode:
    nodelist = parser.parse(("endsealed_fragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    return SealedFragmentNode(nodelist, vary_on, _template_source(parser))


def _template_source(parser: Parser) -> str:
    """The whole template the fragment is in, read once when it is compiled."""
    origin = parser.origin
    # The loaders that read templates (files, the app folders, the cached one) have it.
    get_contents = getattr(origin.loader, "get_contents", None) if origin else None
    return get_contents(origin) if get_contents else ""
