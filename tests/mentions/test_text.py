"""Sentence splitting and the trigger prefilter (no model needed)."""

from __future__ import annotations

from parley.mentions.text import flat, has_trigger, iter_trigger_sentences, sentence_spans

WIRE = (
    "Japanese Finance Minister Kiichi Miyazawa said\nhe and U.S. Treasury Secretary James "
    "Baker were in agreement. Speaking after an\nhour-long meeting with Baker, Miyazawa also "
    "said he was\nsatisfied.\n    Sen. John Danforth said the U.S. Is ready."
)


def test_sentences_do_not_break_after_abbreviations() -> None:
    sentences = [WIRE[s.start : s.end] for s in sentence_spans(WIRE)]
    assert len(sentences) == 3
    assert sentences[0].endswith("in agreement.")
    assert sentences[2].startswith("Sen. John Danforth")


def test_paragraph_index_follows_wire_indentation() -> None:
    assert [s.paragraph for s in sentence_spans(WIRE)] == [0, 0, 1]


def test_prefilter_keeps_only_trigger_sentences() -> None:
    kept = [WIRE[s.start : s.end] for s in iter_trigger_sentences(WIRE)]
    assert len(kept) == 1 and kept[0].startswith("Speaking after")


def test_prefilter_words() -> None:
    assert has_trigger("held a phone conversation")
    assert has_trigger("the Crown Prince paid a courtesy call")
    assert not has_trigger("Stocks fell steeply from the 2400 level")


def test_flat_keeps_offsets() -> None:
    assert flat("a\nb\tc") == "a b c"
    assert (
        flat("Joseph R. Biden, Jr. and Sanchez, Spain") == "Joseph R. Biden  Jr. and Sanchez, Spain"
    )
