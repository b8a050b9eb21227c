import datetime as dt
import uuid

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Preferences
from audit.models import EventKind, SecurityEvent
from checkins.instruments import instrument_for, score
from checkins.models import ITEM_FIELDS, CheckIn
from entries.models import DeletedEntry, Entry, Partner, Tag
from entries.undo import entry_record
from insights.models import PartnerGuide
from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions, options_frozen
from pct_journal.date_range import DateRange
from pct_journal.scales import DEFAULT_EPISODE_THRESHOLD
from sharing import tokens
from sharing.models import ShareLink, ShareLinkView

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


class PreferencesFactory(factory.django.DjangoModelFactory):
    """A user's settings. Every user already has a row (made with the user), so this
    finds it and sets what it is given."""

    class Meta:
        model = Preferences

    user = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, user, **fields):
        preferences, _created = model_class.objects.get_or_create(user=user)
        for name, value in fields.items():
            setattr(preferences, name, value)
        preferences.save()
        return preferences


def _unsaved_entry(user) -> Entry:
    now = timezone.now()
    return EntryFactory.build(user=user, id=uuid.uuid4(), created_at=now, updated_at=now)


class DeletedEntryFactory(factory.django.DjangoModelFactory):
    """An entry deleted a moment ago and still in its undo window, as entry_delete leaves
    it: the entry's values (from an unsaved one, with no partner or factors) as a record."""

    class Meta:
        model = DeletedEntry

    user = factory.SubFactory(UserFactory)
    record = factory.LazyAttribute(lambda deleted: entry_record(_unsaved_entry(deleted.user)))
    deleted_at = factory.LazyFunction(timezone.now)


class PartnerGuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerGuide

    user = factory.SubFactory(UserFactory)
    wishes = factory.LazyFunction(lambda: ["space"])
    avoid = "Asking what is wrong straight away."


def _all_time_options(link) -> dict:
    today = link.created_at.date()
    all_time = SelectedRange("all", "All time", DateRange())
    return options_frozen(
        SummaryOptions(period=all_time), note_ids=[], first_day=today, today=today
    )


class ShareLinkFactory(factory.django.DjangoModelFactory):
    """A link open for 14 days over all of the owner's journal, no notes or partners.

    Only the token's hash is stored: pass token="..." to know the token of a link."""

    class Meta:
        model = ShareLink

    class Params:
        token = factory.LazyFunction(tokens.new_token)

    user = factory.SubFactory(UserFactory)
    token_hash = factory.LazyAttribute(lambda link: tokens.token_hash(link.token))
    threshold = DEFAULT_EPISODE_THRESHOLD
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda link: link.created_at + dt.timedelta(days=14))
    options = factory.LazyAttribute(_all_time_options)


class ShareLinkViewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareLinkView

    link = factory.SubFactory(ShareLinkFactory)
    viewed_at = factory.LazyFunction(timezone.now)


def entry_with_partner_and_tag(user, *, nickname: str, tag_name: str, notes: str):
    """An episode (sadness 3) with a partner, a factor and a note: one of each thing a
    page can show about an entry."""
    partner = PartnerFactory(user=user, nickname=nickname)
    tag = TagFactory(user=user, name=tag_name)
    entry = EntryFactory(user=user, partner=partner, notes=notes, sadness=3)
    entry.tags.add(tag)
    return entry, partner, tag
