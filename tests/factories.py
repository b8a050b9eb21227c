import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from audit.models import EventKind, SecurityEvent
from checkins.instruments import instrument_for, score
from checkins.models import ITEM_FIELDS, CheckIn
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


class CheckInFactory(factory.django.DjangoModelFactory):
    """A PHQ-9 (or, with instrument="gad7", a GAD-7) whose total and band follow from
    its answers, as checkins.services works them out: pass answers=[...]."""

    class Meta:
        model = CheckIn

    user = factory.SubFactory(UserFactory)
    instrument = "phq9"
    taken_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(days=n + 1))
    answers = factory.LazyAttribute(lambda c: [1] * len(instrument_for(c.instrument).items))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        answers = kwargs.pop("answers")
        spec = instrument_for(kwargs["instrument"])
        total, band = score(spec, answers)
        kwargs.update(dict(zip(ITEM_FIELDS, answers, strict=False)), total=total, band=band.key)
        return super()._create(model_class, *args, **kwargs)


class SecurityEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SecurityEvent

    user = factory.SubFactory(UserFactory)
    kind = EventKind.LOGIN
    ip = "192.0.2.10"
    user_agent = "Mozilla/5.0 (Android 15; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0"


def entry_with_partner_and_tag(user, *, nickname: str, tag_name: str, notes: str):
    """An episode (sadness 3) with a partner, a factor and a note: one of each thing a
    page can show about an entry."""
    partner = PartnerFactory(user=user, nickname=nickname)
    tag = TagFactory(user=user, name=tag_name)
    entry = EntryFactory(user=user, partner=partner, notes=notes, sadness=3)
    entry.tags.add(tag)
    return entry, partner, tag
