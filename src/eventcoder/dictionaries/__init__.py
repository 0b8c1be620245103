"""Dictionaries: user actor and verb files on top of the bundled ones, their validation,
``explain`` (why a sentence was coded as it was), uncoded actors, and the dictionary check."""

from __future__ import annotations

from eventcoder.dictionaries.actor_files import ActorFile, read_actor_file
from eventcoder.dictionaries.user import UserDictionaries, file_digest
from eventcoder.dictionaries.verb_files import VerbFile, read_verb_file
from eventcoder.events.discards import Discard

__all__ = [
    "ActorFile",
    "Discard",
    "UserDictionaries",
    "VerbFile",
    "file_digest",
    "read_actor_file",
    "read_verb_file",
]
