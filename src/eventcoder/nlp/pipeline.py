"""Load the bundled spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from eventcoder.errors import Errors, ModelError
from eventcoder.paths import default_model_dir

__all__ = ["load_pipeline"]


@lru_cache(maxsize=4)
def _load(path: str, exclude: tuple[str, ...]) -> Language:
    import eventcoder.nlp.gazetteer  # noqa: F401 - registers the entity filter the pipeline names
    from eventcoder.nlp.entities import COMPONENT as FIXES
    from eventcoder.nlp.entities import add_entity_fixes
    from eventcoder.nlp.repairs import REPAIRS
    from eventcoder.nlp.sentences import COMPONENT, MERGER, add_sentence_rules

    ours = (COMPONENT, MERGER, FIXES, REPAIRS)
    nlp = spacy.load(path, exclude=[name for name in exclude if name not in ours])
    if COMPONENT not in exclude and "parser" in nlp.pipe_names:
        add_sentence_rules(nlp)
    if REPAIRS not in exclude and "parser" in nlp.pipe_names:
        nlp.add_pipe(REPAIRS, after=MERGER if MERGER in nlp.pipe_names else "parser")
    if FIXES not in exclude and "ner" in nlp.pipe_names:
        add_entity_fixes(nlp)
    return nlp


def load_pipeline(path: Path | str | None = None, exclude: tuple[str, ...] = ()) -> Language:
    """The trained English pipeline (cached; loading never touches the network), with the
    news sentence-boundary rules (``eventcoder.nlp.sentences``) added around its parser and
    the gazetteer entity fixes (``eventcoder.nlp.entities``) after its recognizer;
    ``exclude`` may name any component (``"eventcoder_sentence_rules"`` leaves out the rules
    and their merge step, ``"eventcoder_entity_fixes"`` the entity fixes, ``"eventcoder_parse_repairs"`` the
    parse repairs of ``eventcoder.nlp.repairs``).

    ``path`` defaults to ``$EVENTCODER_MODEL`` or the copy shipped inside the package
    (``eventcoder/models/en_eventcoder``).
    """
    model_dir = Path(path) if path is not None else default_model_dir()
    if not (model_dir / "config.cfg").exists():
        raise ModelError(Errors.E101.format(path=model_dir))
    return _load(str(model_dir), tuple(exclude))
