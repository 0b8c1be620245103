"""The actors stage (see ``eventcoder.stages`` for the protocol): actor mentions of a chunk,
coded to country and sector, for the event and claim stages to read."""

from __future__ import annotations

from typing import Literal

from eventcoder.actors.coder import ActorCoder
from eventcoder.actors.speakers import issuer_actor
from eventcoder.stages import Context, Found

__all__ = ["ActorStage"]


class ActorStage:
    """Finds and codes the actor mentions of a parsed chunk."""

    name = "actors"
    scope: Literal["chunk"] = "chunk"

    def __init__(self, coder: ActorCoder) -> None:
        self.coder = coder

    @classmethod
    def load(cls) -> ActorStage:
        """The stage with the bundled actor dictionaries."""
        return cls(ActorCoder.from_data())

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        lead = context.first_sentence == 0
        issuer = issuer_actor(self.coder, context.document.source, context.date)
        return Found(mentions=tuple(self.coder.find(context.doc, context.date, lead, issuer)))
