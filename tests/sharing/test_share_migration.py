"""Links made before the threshold was kept get their owner's threshold of the day."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("sharing", "0001_initial")]
AFTER = [("sharing", "0002_share_link_threshold")]


@pytest.mark.django_db(transaction=True)
def test_existing_links_keep_the_threshold_their_owner_has_now():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    # Every other app as it is now: only sharing goes back.
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "sharing"]
    old = executor.loader.project_state(BEFORE + others).apps
    User = old.get_model("auth", "User")
    alice = User.objects.create(username="alice")
    bob = User.objects.create(username="bob")  # no preferences row yet: the default
    old.get_model("accounts", "Preferences").objects.create(user=alice, episode_threshold=3)
    ShareLink = old.get_model("sharing", "ShareLink")
    now = timezone.now()
    for owner, token in ((alice, "a"), (bob, "b")):
        ShareLink.objects.create(
            user=owner, token_hash=token * 64, options={}, created_at=now, expires_at=now
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER + others).apps

    links = new.get_model("sharing", "ShareLink").objects.order_by("token_hash")
    assert [link.threshold for link in links] == [3, 2]
