"""Actors for the evaluations: the actor stage's ``ActorCoder`` when it is there.

Until the actor branch provides ``ActorCoder``, a minimal stand-in — for the evaluations only —
matches the PETRARCH-format dictionaries read by ``eventcoder.actors.petrarch_format`` as
consecutive words, and joins an agent ("minister") to the actor in its noun phrase
("Dagolath's minister" -> DAG + GOV). It is not the actor stage.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc, Span

from eventcoder.actors.mention import ActorMention
from eventcoder.actors.petrarch_format import read_actors, read_agents

__all__ = ["ActorFinder", "actor_finder", "from_data_finder"]

log = logging.getLogger(__name__)

_SECTORS = {"GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "LEG", "JUD", "COP", "IGO", "NGO",
            "EDU", "REL", "CRM", "ELI", "SPY", "LAB", "AGR", "HLH", "REF", "IMG", "INS", "UAF"}

ActorFinder = Callable[[Doc, "dt.date | None"], list[ActorMention]]


def _coder_class():
    try:
        from eventcoder.actors import ActorCoder  # type: ignore[attr-defined]
    except ImportError:
        return None
    return ActorCoder


def actor_finder(actors_path: Path | list[Path], agents_path: Path) -> ActorFinder:
    """Actors from PETRARCH-format dictionaries (the actor stage's coder when available)."""
    coder_class = _coder_class()
    if coder_class is not None and isinstance(actors_path, Path):
        coder = coder_class.from_petrarch(actors_path, agents_path)
        return coder.find
    log.warning("eventcoder.actors.ActorCoder not available: using the evaluation stand-in")
    paths = [actors_path] if isinstance(actors_path, Path) else list(actors_path)
    return _DictionaryActors(paths, agents_path).find


def from_data_finder() -> ActorFinder | None:
    """The actor stage's coder with its own data, or None when the stage is not there."""
    coder_class = _coder_class()
    return coder_class.from_data().find if coder_class is not None else None


class _DictionaryActors:
    """Evaluation stand-in: longest consecutive-word match of actor and agent phrases."""

    def __init__(self, actors_paths: list[Path], agents_path: Path) -> None:
        self.actors: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for actor in (a for path in actors_paths for a in read_actors(path)):
            for phrase in actor.phrases:
                self.actors.setdefault(phrase[0], []).append((phrase, actor))
        self.agents: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for agent in read_agents(agents_path):
            self.agents.setdefault(agent.phrase[0], []).append((agent.phrase, agent))
        for table in (self.actors, self.agents):
            for options in table.values():
                options.sort(key=lambda o: -len(o[0]))

    @staticmethod
    def _match(table: dict, words: list[str], i: int) -> tuple[int, object] | None:
        for phrase, entry in table.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                return len(phrase), entry
        return None

    def find(self, doc: Doc, date: dt.date | None = None) -> list[ActorMention]:
        """Actor mentions in ``doc``."""
        words = [t.text.upper() for t in doc]
        actors, agents, i = [], [], 0
        while i < len(doc):
            hit = self._match(self.actors, words, i)
            if hit and hit[1].code_on(date):
                actors.append((doc[i:i + hit[0]], hit[1].code_on(date)))
                i += hit[0]
                continue
            hit = self._match(self.agents, words, i)
            if hit:
                agents.append((doc[i:i + hit[0]], hit[1]))
                i += hit[0]
                continue
            i += 1
        return self._join(actors, agents)

    @staticmethod
    def _mention(span: Span, code: str) -> ActorMention:
        sector = code[3:6] if len(code) >= 6 else (code if len(code) == 3 and code in _SECTORS else None)
        return ActorMention(start=span.start, end=span.end, head=span.root.i, text=span.text,
                            char_start=span.start_char, char_end=span.end_char, code=code,
                            country=code[:3] if len(code) >= 3 else code, sector=sector,
                            rule="eval-stand-in")

    def _join(self, actors: list, agents: list) -> list[ActorMention]:
        out, used = [], set()
        for span, agent in agents:
            root = span.root
            owner = next((k for k, (a, _) in enumerate(actors) if k not in used and (
                a.root.head.i in range(span.start, span.end) or root.head.i in range(a.start, a.end)
                or a.root.head.i == root.head.i and abs(a.start - span.start) <= 3)), None)
            if owner is None:
                out.append(self._mention(span, agent.code))
                continue
            used.add(owner)
            a_span, code = actors[owner]
            joined = span.doc[min(span.start, a_span.start):max(span.end, a_span.end)]
            full = agent.code + code if agent.prefix else code + agent.code
            mention = self._mention(joined, full)
            out.append(ActorMention(**{**mention.__dict__, "head": root.i}))
        out += [self._mention(a, code) for k, (a, code) in enumerate(actors) if k not in used]
        return sorted(out, key=lambda m: m.start)
