"""Putting partners and factors in order by name.

Their names are encrypted at rest (entries.models.NamedModel), so the database cannot
sort them; every list a person sees is sorted here, after decryption."""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.forms.models import ModelChoiceIterator

from entries.models import Partner
from pct_journal.blind_index import normalised_name

Named = TypeVar("Named")


def name_order(name: str) -> tuple[str, str]:
    """Case-insensitive, and the same order every time for names that differ only in case."""
    return normalised_name(name), name


def by_name(things: Iterable[Named]) -> list[Named]:
    """Partners or factors in alphabetical order of their names."""
    return sorted(things, key=lambda thing: name_order(str(thing)))


def partners_in_order(partners: Iterable[Partner]) -> list[Partner]:
    """Active partners first, then alphabetical."""
    return sorted(partners, key=lambda partner: (not partner.active, name_order(str(partner))))


class ByNameChoiceIterator(ModelChoiceIterator):
    """A form field's choices of partners or factors, in alphabetical order."""

    order: Callable[[Iterable[Any]], list[Any]] = staticmethod(by_name)

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for thing in self.order(self.queryset):
            yield self.choice(thing)


class PartnersInOrderChoiceIterator(ByNameChoiceIterator):
    """Partners as choices, the active ones first."""

    order = staticmethod(partners_in_order)
