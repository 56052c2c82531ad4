"""Lever check: the title ruler with single-token heads merged into one ``IN`` set per shape.

    .venv/bin/python -m bench.title_ruler --articles 2000

spaCy's Matcher costs grow with the number of patterns tried at every token. The title
ruler of parley/entities/titles.py (``title_patterns``) has one pattern per head word and
shape; the patterns below express the same shapes with every single-token head in one
``{"LOWER": {"IN": [...]}}`` token, so there are fewer of them. All patterns carry the same
label, so the matched spans cannot change; this script checks that they are identical on the
corpus sample and times both sets (CPU seconds of the span ruler alone).
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path
from typing import Any

from bench.run import DEFAULT_CORPUS, load_corpus


def merged_title_patterns(label: str = "TITLE") -> list[dict[str, Any]]:
    """``titles.title_patterns`` with the single-token heads of each shape merged."""
    from parley.entities import titles

    modifiers = sorted(titles.MODIFIERS)
    mods = {"LOWER": {"IN": modifiers}, "OP": "*"}
    first_dept = {"LOWER": {"IN": sorted(titles.DEPARTMENT_WORDS - {"and"})}}
    more_dept = {"LOWER": {"IN": sorted(titles.DEPARTMENT_WORDS)}, "OP": "*"}
    singles = sorted(head[0] for head in titles.HEADS if len(head) == 1)
    multis = [head for head in titles.HEADS if len(head) > 1]
    of_singles = sorted(word for word in singles if word in titles.OF_HEADS)
    patterns: list[list[dict[str, Any]]] = []
    heads = [[{"LOWER": {"IN": singles}}]] + [[{"LOWER": w} for w in head] for head in multis]
    for head_tokens in heads:
        patterns.append([mods, first_dept, more_dept, *head_tokens])
        patterns.append(
            [{"LOWER": {"IN": modifiers}}, {"ORTH": "-"}, first_dept, more_dept, *head_tokens]
        )
        patterns.append([{"LOWER": {"IN": modifiers}}, *head_tokens])
    patterns.append([{"LOWER": {"IN": singles}, "IS_TITLE": True}])
    patterns.append([{"LOWER": {"IN": singles}, "IS_UPPER": True}])
    patterns.extend([{"LOWER": w} for w in head] for head in multis)
    of_heads = [[{"LOWER": {"IN": of_singles}}]] if of_singles else []
    of_heads += [[{"LOWER": w} for w in head] for head in multis if head[-1] in titles.OF_HEADS]
    of_phrase = [
        {"LOWER": {"IN": ["of", "for"]}},
        {"LOWER": "the", "OP": "?"},
        {"LOWER": {"IN": sorted(titles.OF_OBJECTS - {"and"})}},
        more_dept,
    ]
    uk_phrase = [{"LOWER": "of"}, {"LOWER": "state"}, {"LOWER": "for"}, first_dept, more_dept]
    for head_tokens in of_heads:
        patterns.append([mods, *head_tokens, *of_phrase])
        patterns.append([mods, *head_tokens, *uk_phrase])
    patterns.append([{"ORTH": {"IN": sorted(titles.ABBREVIATIONS)}}])
    return [{"label": label, "pattern": pattern} for pattern in patterns]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _spans(patterns: list[dict[str, Any]], docs: list[Any]) -> tuple[float, list[list[Any]]]:
    """CPU seconds of a span ruler with ``patterns`` over copies of ``docs``, and its spans."""
    import spacy

    from parley.entities.nlp import TITLES_KEY

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "span_ruler",
        config={
            "spans_key": TITLES_KEY,
            "annotate_ents": True,
            "overwrite": False,
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        },
    )
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    started = _cpu()
    found = []
    for doc in docs:
        copy = ruler(doc.copy())
        found.append(sorted((s.start, s.end, s.label_) for s in copy.spans[TITLES_KEY]))
    return _cpu() - started, found


def main(argv: list[str] | None = None) -> int:
    """Compare the two pattern sets; exit 1 if their spans differ anywhere."""
    import spacy

    from parley.entities.extract import normalize_for_nlp
    from parley.entities.titles import title_patterns

    parser = argparse.ArgumentParser(prog="python -m bench.title_ruler")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    tokenizer = spacy.blank("en")
    docs = [
        tokenizer.make_doc(normalize_for_nlp(record["body"]))
        for record in load_corpus(args.corpus, args.articles)
    ]
    original, merged = title_patterns("TITLE"), merged_title_patterns("TITLE")
    cpu_original, spans_original = _spans(original, docs)
    cpu_merged, spans_merged = _spans(merged, docs)
    differing = sum(a != b for a, b in zip(spans_original, spans_merged, strict=True))
    print(
        f"{len(docs)} docs, {sum(map(len, spans_original))} titles; "
        f"original {len(original)} patterns {cpu_original:.2f} CPU s, "
        f"merged {len(merged)} patterns {cpu_merged:.2f} CPU s; docs differing: {differing}"
    )
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
