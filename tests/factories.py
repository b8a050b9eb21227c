import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from entries.models import Entry, Partner, Tag

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    user = factory.SubFactory(UserFactory)
    nickname = factory.Sequence(lambda n: f"Partner {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"factor {n}")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    user = factory.SubFactory(UserFactory)
    occurred_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(hours=n + 1))


def entry_with_partner_and_tag(user, *, nickname: str, tag_name: str, notes: str):
    """An episode (sadness 3) with a partner, a factor and a note: one of each thing a
    page can show about an entry."""
    partner = PartnerFactory(user=user, nickname=nickname)
    tag = TagFactory(user=user, name=tag_name)
    entry = EntryFactory(user=user, partner=partner, notes=notes, sadness=3)
    entry.tags.add(tag)
    return entry, partner, tag
