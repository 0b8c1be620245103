"""Sentence boundaries on news text: one test per failure class of the bare parser.

Every text here is made up. Each case is one the committed parser gets wrong without the
rules (checked by ``test_the_bare_parser_needs_the_rules``), so none of these tests can pass
by the parser alone.
"""

from __future__ import annotations

import pytest

from eventcoder.errors import ConfigError
from eventcoder.nlp.pipeline import load_pipeline
from eventcoder.nlp.sentences import ALL_RULES, COMPONENT, MERGER, SentenceRules

# (failure class, text, the sentences it must give)
CASES = [
    (
        "dateline",
        "KYIV, May 3 (Reuters) - Ukrainian forces shelled a depot near the border overnight.",
        ["KYIV, May 3 (Reuters) - Ukrainian forces shelled a depot near the border overnight."],
    ),
    (
        "dateline",
        "Taipei, Taiwan — Thousands of people filled the square on Saturday evening.",
        ["Taipei, Taiwan — Thousands of people filled the square on Saturday evening."],
    ),
    (
        "heading",
        "Rebels Seize Border Post\n\nRebel fighters took control of a border post on Sunday.",
        ["Rebels Seize Border Post", "Rebel fighters took control of a border post on Sunday."],
    ),
    (
        "heading",
        "Talks stall in Geneva\nNegotiators left the hotel without a statement late on Friday.",
        [
            "Talks stall in Geneva",
            "Negotiators left the hotel without a statement late on Friday.",
        ],
    ),
    (
        "title",
        "Border Crossing Reopens After Talks The ministry said trucks were moving again.",
        ["Border Crossing Reopens After Talks", "The ministry said trucks were moving again."],
    ),
    (
        "name",
        "President Kassym Jomart Tokayev Kemeluly signed the decree.",
        ["President Kassym Jomart Tokayev Kemeluly signed the decree."],
    ),
    (
        "name",
        "Witnesses saw Colonel Mamadi Doumbouya Kabine leave the palace.",
        ["Witnesses saw Colonel Mamadi Doumbouya Kabine leave the palace."],
    ),
    (
        "weekday",
        "The army said it had repelled three attacks overnight Sunday.",
        ["The army said it had repelled three attacks overnight Sunday."],
    ),
    (
        "abbreviation",
        "Brig. Okoro said troops were moved on Dec. 2. The report by Supt. O'Neill followed.",
        ["Brig. Okoro said troops were moved on Dec. 2.", "The report by Supt. O'Neill followed."],
    ),
    (
        "quote",
        '"Why now?" asked one protester. She said: "We have no food." Then she walked away.',
        [
            '"Why now?" asked one protester.',
            'She said: "We have no food."',
            "Then she walked away.",
        ],
    ),
    (
        "quote",
        'Protesters chanted outside the court.\n\n"Free them now!" one banner read.',
        ["Protesters chanted outside the court.", '"Free them now!" one banner read.'],
    ),
    (
        "pronoun",
        "The envoy said:\n\nI very much welcome the truce agreed between the two sides.",
        ["The envoy said:", "I very much welcome the truce agreed between the two sides."],
    ),
]


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_news_sentence_boundaries(nlp, kind, text, expected):
    assert _sentences(nlp, text) == expected


def test_the_bare_parser_needs_the_rules():
    """Each failure class has a case the parser alone gets wrong."""
    bare = load_pipeline(exclude=(COMPONENT,))
    wrong = {kind for kind, text, expected in CASES if _sentences(bare, text) != expected}
    assert wrong == {kind for kind, _, _ in CASES}


def test_rules_are_in_the_default_pipeline(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("parser") - 1
    assert names.index(MERGER) == names.index("parser") + 1


def test_merge_joins_a_sentence_the_parser_split_against_the_rules(nlp):
    """The parser may still make two trees where a rule ruled a start out; the merge step
    joins them into one projective tree."""
    doc = nlp("KYIV, May 3 (Reuters) - Ukrainian forces shelled a depot. The army said so.")
    assert [s.text for s in doc.sents] == [
        "KYIV, May 3 (Reuters) - Ukrainian forces shelled a depot.",
        "The army said so.",
    ]
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i) == 1
        assert all(sent.start <= t.head.i < sent.end for t in sent)


def test_a_lead_is_parsed_apart_from_its_dateline(nlp):
    """The lead's own verb is the root of the one sentence, its subject intact; the dateline
    hangs from it."""
    doc = nlp(
        "TALLINN, June 9 (Reuters) - The Estonian coast guard on Monday accused Russian ships of ramming a ferry."
    )
    (sent,) = list(doc.sents)
    root = sent.root
    assert root.text == "accused"
    assert any(c.dep_ == "nsubj" and c.text == "guard" for c in root.children)
    assert doc[0].head.i == root.i


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        ("BERLIN - Germany expelled two Russian diplomats.", "Germany", "expelled"),
        ("LONDON, Oct 2 - Britain expelled a Russian diplomat.", "Britain", "expelled"),
        ("PARIS - France summoned the Iranian envoy.", "France", "summoned"),
    ],
)
def test_a_one_word_subject_stays_with_its_verb_after_a_dateline(nlp, text, subject, verb):
    """The parser may end a sentence after a lead's first word ("PARIS - France | summoned");
    the merge step makes that word the subject of the verb it cut off."""
    doc = nlp(text)
    (sent,) = list(doc.sents)
    word = next(t for t in doc if t.text == subject)
    assert word.head.text == verb and word.dep_ == "nsubj"
    assert sum(1 for t in sent if t.head.i == t.i) == 1


def test_a_cut_off_modifier_goes_back_to_its_noun(nlp):
    """ "CANBERRA - Australian | Prime Minister ... met": the adjective modifies the name it
    was cut from, and the lead stays one sentence."""
    doc = nlp("CANBERRA - Australian Prime Minister Jane Doe met her New Zealand counterpart.")
    assert len(list(doc.sents)) == 1
    word = next(t for t in doc if t.text == "Australian")
    assert word.dep_ == "amod" and word.head.text == "Prime"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        (
            "The European Union pressed Serbia to recognise Kosovo.\nThe talks will resume.",
            "pressed",
        ),
        ("Ministers urged Peru to free the reporters.\n\nThe court met again.", "urged"),
        ("Police arrested ten protesters in Lagos on Monday.\n", "arrested"),
    ],
)
def test_a_closing_line_break_is_never_the_root(nlp, text, verb):
    """The parser made the line break that ends a sentence its root, the verb a subject of
    it; the break is parsed apart and hangs on the sentence's own root."""
    doc = nlp(text)
    first = next(iter(doc.sents))
    assert first.root.text == verb
    breaks = [t for t in first if t.is_space]
    assert breaks and all(t.head.i == first.root.i and t.dep_ == "dep" for t in breaks)
    assert not any(s.root.is_space for s in doc.sents)


def test_a_title_rule_leaves_ordinary_openings_alone(nlp):
    """A time or place phrase before "I" or "The" is no title."""
    for text in ("Last week I met the minister in the capital.", "In Paris I met the minister."):
        assert _sentences(nlp, text) == [text]


def test_unknown_rule_is_an_error():
    with pytest.raises(ConfigError, match="E104"):
        SentenceRules(["lines", "no-such-rule"])


def test_each_rule_can_be_switched_off(nlp):
    """With no rules the component decides nothing; with all it decides the dateline."""
    text = "KYIV, May 3 (Reuters) - Ukrainian forces shelled a depot."
    doc = nlp.make_doc(text)
    for _name, proc in nlp.pipeline:
        if _name == COMPONENT:
            break
        doc = proc(doc)
    assert SentenceRules([]).decide(doc) == {}
    decided = SentenceRules(ALL_RULES).decide(doc)
    dash = next(t.i for t in doc if t.text == "-")
    assert all(decided.get(i) is False for i in range(1, dash + 1))
    assert decided.get(dash + 1) is True  # the lead is parsed apart, then joined back
