"""Claim groups stored in space linear in their members: each member is its own row of
``link_claim_members`` (``pos``, ``data``); the group's row keeps no member list, no timeline
and at most ``MAX_PAIRS`` pairs. Stored groups are converted one at a time and capped as new
ones are (see :mod:`newsledger.link.claims`).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_groups = sa.table("link_claim_groups", sa.column("id", sa.String), sa.column("size", sa.Integer),
                   sa.column("data", sa.JSON))
_members = sa.table("link_claim_members", sa.column("group_id", sa.String),
                    sa.column("article_id", sa.String), sa.column("idx", sa.Integer),
                    sa.column("pos", sa.Integer), sa.column("data", sa.JSON))


def _split(data: dict) -> tuple[dict, list[dict]]:
    """A 0002 group (members, pairs, timeline in one JSON) as a 0003 header and member rows."""
    from newsledger.link.claims import earliest, mark_conflicts, telling_pairs

    header = {k: v for k, v in data.items() if k not in ("members", "timeline")}
    found = list(data.get("members") or [])
    pairs = list(data.get("pairs") or [])
    kept = earliest(found)
    if header.get("kind") == "figure":
        kept = mark_conflicts(kept, pairs)
    found_n = max(len(found), int(data.get("members_found") or 0))  # a downgraded 0003 knows it
    header.update(pairs=telling_pairs(pairs), pairs_found=max(len(pairs), int(data.get("pairs_found") or 0)),
                  size=len(kept), members_found=found_n, truncated=found_n > len(kept))
    return header, kept


def _convert(conn) -> None:
    ids = [r[0] for r in conn.execute(sa.select(_groups.c.id))]
    for gid in ids:  # one group in memory at a time
        data = conn.execute(sa.select(_groups.c.data).where(_groups.c.id == gid)).scalar_one()
        header, members = _split(dict(data or {}))
        conn.execute(_members.delete().where(_members.c.group_id == gid))
        if members:
            conn.execute(_members.insert(), [
                {"group_id": gid, "article_id": m["article_id"], "idx": int(m.get("idx") or 0),
                 "pos": pos, "data": m} for pos, m in enumerate(members) if m.get("article_id")])
        conn.execute(_groups.update().where(_groups.c.id == gid).values(data=header, size=len(members)))


def upgrade():
    op.add_column("link_claim_members", sa.Column("pos", sa.Integer, nullable=False, server_default="0"))
    op.add_column("link_claim_members", sa.Column("data", sa.JSON))
    _convert(op.get_bind())


def downgrade():
    from newsledger.link.claims import timeline

    conn = op.get_bind()
    for gid in [r[0] for r in conn.execute(sa.select(_groups.c.id))]:
        data = dict(conn.execute(sa.select(_groups.c.data).where(_groups.c.id == gid)).scalar_one() or {})
        members = [dict(r[0]) for r in conn.execute(sa.select(_members.c.data).where(_members.c.group_id == gid)
                                                    .order_by(_members.c.pos)) if r[0] is not None]
        data.update(members=members, timeline=timeline(members))
        conn.execute(_groups.update().where(_groups.c.id == gid).values(data=data))
    with op.batch_alter_table("link_claim_members") as batch:
        batch.drop_column("data")
        batch.drop_column("pos")
