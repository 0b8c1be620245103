"""Actors: recognise who acts and code them by country and sector."""

from eventcoder.actors.coder import ActorCoder
from eventcoder.actors.mention import ActorMention

__all__ = ["ActorCoder", "ActorMention"]
