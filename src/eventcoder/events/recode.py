"""Recoding an event by its actors, after the CAMEO codebook.

The dictionaries code a verb the same way whoever acts on whom; two CAMEO distinctions
depend on the actors instead:

* Conventional military force (19, "fight") against unarmed people is unconventional
  violence (18, "assault": killing, beating, bombing people). A verb that says only
  "attacked" or "killed" gets the generic 190; aimed at an unarmed sector (civilians,
  refugees, schools, clergy, hospitals, media, companies, unions, NGOs) it is 180, whoever
  commits it. The specific military codes (193 small arms, 194 artillery, 195 air strikes)
  stay as they are.
* A speaker who alleges or claims that someone did harm accuses them (112): "X alleged that
  Y shelled Z" is Y's reported attack and X's accusation of Y (:func:`accuses`).
* A visit (042) is not also the host's act (043, as PETRARCH's "042:043" gives it): the news
  reports one visit, and the reverse event would count it twice. Other two-sided verbs keep
  their reverse event ("met": 040 each way; peacekeepers arriving: 074, and the host's 0861).
* Support or aid by armed forces given to other armed forces (training, advising, equipping
  the forces of another state or a rebel army) is military aid (072), not political support
  (050) or aid in general (070); co-operation between armed forces (060) is military
  co-operation (062).
"""

from __future__ import annotations

from eventcoder.actors.mention import ActorMention

__all__ = [
    "ACCUSATION",
    "ARMED_SECTORS",
    "UNARMED_SECTORS",
    "accuses",
    "mutual_code",
    "recode_for_actors",
]

UNARMED_SECTORS = frozenset({"CVL", "REF", "EDU", "REL", "HLH", "MED", "JRN", "BUS", "LAB", "NGO"})
ARMED_SECTORS = frozenset({"MIL", "REB"})
ARMED_ORGANISATIONS = frozenset({"IGOCOA", "IGONAT"})  # the anti-ISIL coalition, NATO
GENERIC_FORCE = "190"
VIOLENCE_ON_PEOPLE = "180"
SUPPORT_CODES = frozenset({"050", "070"})
MILITARY_AID = "072"
COOPERATION, MILITARY_COOPERATION = "060", "062"
VISIT_CODES = {"042", "043"}  # make a visit, host a visit
ACCUSATION = "112"
HOSTILE_QUADS = frozenset({3, 4})  # verbal and material conflict


def _armed(mention: ActorMention | None) -> bool:
    return mention is not None and (
        mention.sector in ARMED_SECTORS or (mention.code or "") in ARMED_ORGANISATIONS
    )


def recode_for_actors(code: str, source: ActorMention | None, target: ActorMention | None) -> str:
    """The code of an event given its actors (see the module doc); any other code is
    returned as it is."""
    if code == GENERIC_FORCE and target is not None and target.sector in UNARMED_SECTORS:
        return VIOLENCE_ON_PEOPLE
    if code in SUPPORT_CODES and _armed(source) and _armed(target):
        return MILITARY_AID
    if code == COOPERATION and _armed(source) and _armed(target):
        return MILITARY_COOPERATION
    return code


def mutual_code(code: str, reverse: str | None) -> str | None:
    """The reverse event's code of a verb that gives one (``code:reverse``), except the
    host's side of a visit (042 and 043 are one visit)."""
    return None if {code, reverse} == VISIT_CODES else reverse


def accuses(speech_lemma: str, reported_quad: int | None, accusing: frozenset[str]) -> bool:
    """Whether a speech verb reporting an act of quad class ``reported_quad`` is also an
    accusation by the speaker of the act's source (``accusing``: the accusing speech verbs)."""
    return speech_lemma in accusing and reported_quad in HOSTILE_QUADS
