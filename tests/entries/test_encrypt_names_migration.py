"""Upgrading encrypts the names and labels already in the database and indexes them."""

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from pct_journal.blind_index import blind_index_under

BEFORE = [("entries", "0005_entry_client_uuid"), ("sharing", "0002_share_link_threshold")]
AFTER = [("entries", "0006_encrypt_names"), ("sharing", "0003_encrypt_label")]
MIGRATED = {"entries", "sharing"}


def _raw(sql: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return sorted(cursor.fetchall())


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in MIGRATED]
    return executor.loader.project_state(targets + others).apps


@pytest.fixture
def key(settings):
    key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key]
    return key


@pytest.fixture
def journal_before_encryption():
    old = _migrate(BEFORE)
    User = old.get_model("auth", "User")
    alice = User.objects.create(username="alice")
    bob = User.objects.create(username="bob")
    Partner = old.get_model("entries", "Partner")
    Partner.objects.create(user=alice, nickname="Robin")
    Partner.objects.create(user=bob, nickname="Robin")
    Tag = old.get_model("entries", "Tag")
    # One name, once names are casefolded: the later one has to give way.
    Tag.objects.create(user=alice, name="Straße")
    Tag.objects.create(user=alice, name="STRASSE")
    now = timezone.now()
    old.get_model("sharing", "ShareLink").objects.create(
        user=alice,
        token_hash="a" * 64,
        label="Dr Okafor",
        options={},
        threshold=2,
        created_at=now,
        expires_at=now,
    )
    yield alice.pk, bob.pk
    _migrate(AFTER)  # whatever happened, the next test finds today's schema


@pytest.mark.django_db(transaction=True)
def test_existing_names_and_labels_are_encrypted_and_indexed(journal_before_encryption, key):
    alice, bob = journal_before_encryption

    _migrate(AFTER)

    fernet = Fernet(key.encode())
    partners = _raw("SELECT user_id, nickname, nickname_index FROM entries_partner")
    tags = _raw("SELECT user_id, name, name_index FROM entries_tag")
    labels = _raw("SELECT label FROM sharing_sharelink")
    assert sorted(
        (user, fernet.decrypt(token.encode()).decode()) for user, token, _ in partners
    ) == [
        (alice, "Robin"),
        (bob, "Robin"),
    ]
    assert sorted(fernet.decrypt(token.encode()).decode() for _, token, _ in tags) == [
        "STRASSE (2)",
        "Straße",
    ]
    assert [fernet.decrypt(token.encode()).decode() for (token,) in labels] == ["Dr Okafor"]
    assert sorted(index for _, _, index in partners) == sorted(
        blind_index_under(key, user_id=user, name="Robin") for user in (alice, bob)
    )
    assert sorted(index for _, _, index in tags) == sorted(
        blind_index_under(key, user_id=alice, name=name) for name in ("Straße", "STRASSE (2)")
    )


@pytest.mark.django_db(transaction=True)
def test_going_back_decrypts_them_again(journal_before_encryption, key):
    _migrate(AFTER)

    _migrate(BEFORE)

    assert [name for (name,) in _raw("SELECT nickname FROM entries_partner")] == ["Robin", "Robin"]
    assert [label for (label,) in _raw("SELECT label FROM sharing_sharelink")] == ["Dr Okafor"]
