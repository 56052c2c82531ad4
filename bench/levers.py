"""Speed levers of the NLP passes, each timed on the same sample of corpus bodies.

    .venv/bin/python -m bench.levers --articles 1000 [--only NAME ...]

Every lever is one ``nlp.pipe`` configuration over the same texts, timed after the model is
loaded (model loads are reported apart). It measures what a change inside parley/entities or
parley/mentions would buy without editing those modules: the parley pipelines are built by
their own functions and only their components, batch sizes and process counts are varied.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bench.run import DEFAULT_CORPUS, load_corpus


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and its reaped children (n_process workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _consume(docs: Iterable[Any]) -> int:
    """Run the pipe to the end; the token count proves every doc was made."""
    return sum(len(doc) for doc in docs)


def _timed(
    name: str, texts: list[str], make: Callable[[], Any], run: Callable[[Any], Any]
) -> dict[str, Any]:
    """Build a pipeline with ``make``, then time ``run(nlp)`` over ``texts``."""
    started = time.perf_counter()
    nlp = make()
    loaded = time.perf_counter()
    cpu_before = _cpu_seconds()
    n_tokens = _consume(run(nlp))
    finished = time.perf_counter()
    cpu = _cpu_seconds() - cpu_before
    words = sum(len(text.split()) for text in texts)
    row = {
        "lever": name,
        "load_s": round(loaded - started, 2),
        "pipe_s": round(finished - loaded, 2),
        "cpu_s": round(cpu, 2),
        "words_per_cpu_s": round(words / cpu),
        "texts": len(texts),
        "words": words,
        "tokens": n_tokens,
        "words_per_s": round(words / (finished - loaded)),
        "loadavg": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(row), flush=True)
    return row


def levers(bodies: list[str]) -> dict[str, Callable[[], dict[str, Any]]]:
    """The measurements, by name (built lazily so that ``--only`` skips the others)."""
    import spacy

    from parley.entities import normalize_for_nlp
    from parley.entities.nlp import NER_ONLY_EXCLUDE, add_rulers
    from parley.mentions.text import flat, iter_trigger_sentences
    from parley.nlp_model import MODEL

    texts = [normalize_for_nlp(body) for body in bodies]
    sentences = [
        flat(body[s.start : s.end]) for body in bodies for s in iter_trigger_sentences(body)
    ]
    mention_skip = ["parley_entity_ruler", "parley_title_ruler", "ner", "parley_title_unmark"]

    def full() -> Any:
        return spacy.load(MODEL)

    def ner_only() -> Any:
        return spacy.load(MODEL, exclude=list(NER_ONLY_EXCLUDE))

    def parley_entity() -> Any:
        return add_rulers(spacy.load(MODEL, exclude=list(NER_ONLY_EXCLUDE)))

    def parley_parse() -> Any:
        return add_rulers(spacy.load(MODEL))

    def pipe(batch: int, n_process: int = 1, disable: list[str] | None = None) -> Any:
        return lambda nlp, t=None: nlp.pipe(
            t if t is not None else texts,
            batch_size=batch,
            n_process=n_process,
            disable=[d for d in (disable or []) if d in nlp.pipe_names],
        )

    no_titles = ["parley_title_ruler", "parley_title_unmark"]
    return {
        "tokenizer_only": lambda: _timed(
            "tokenizer_only", texts, ner_only, lambda nlp: (nlp.make_doc(t) for t in texts)
        ),
        "plain_full_b64": lambda: _timed("plain_full_b64", texts, full, pipe(64)),
        "plain_full_b64_np2": lambda: _timed("plain_full_b64_np2", texts, full, pipe(64, 2)),
        "plain_ner_b64": lambda: _timed("plain_ner_b64", texts, ner_only, pipe(64)),
        "plain_ner_b16": lambda: _timed("plain_ner_b16", texts, ner_only, pipe(16)),
        "plain_ner_b16_np2": lambda: _timed("plain_ner_b16_np2", texts, ner_only, pipe(16, 2)),
        "parley_entity_b32": lambda: _timed("parley_entity_b32", texts, parley_entity, pipe(32)),
        "parley_entity_b8": lambda: _timed("parley_entity_b8", texts, parley_entity, pipe(8)),
        "parley_entity_b128": lambda: _timed("parley_entity_b128", texts, parley_entity, pipe(128)),
        "parley_entity_no_title_ruler": lambda: _timed(
            "parley_entity_no_title_ruler", texts, parley_entity, pipe(32, disable=no_titles)
        ),
        "parley_entity_no_entity_ruler": lambda: _timed(
            "parley_entity_no_entity_ruler",
            texts,
            parley_entity,
            pipe(32, disable=["parley_entity_ruler"]),
        ),
        "parley_entity_b32_np2": lambda: _timed(
            "parley_entity_b32_np2", texts, parley_entity, pipe(32, 2)
        ),
        "mentions_parse_trigger_sentences": lambda: _timed(
            "mentions_parse_trigger_sentences",
            sentences,
            parley_parse,
            lambda nlp: pipe(32, disable=mention_skip)(nlp, sentences),
        ),
        "mentions_parse_whole_bodies": lambda: _timed(
            "mentions_parse_whole_bodies", texts, parley_parse, pipe(32, disable=mention_skip)
        ),
    }


def main(argv: list[str] | None = None) -> int:
    """Time the chosen levers and print one JSON line each."""
    parser = argparse.ArgumentParser(prog="python -m bench.levers")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--only", nargs="*", help="lever names (default: all)")
    parser.add_argument("--json", type=Path, help="append the rows to this JSONL file")
    args = parser.parse_args(argv)
    bodies = [record["body"] for record in load_corpus(args.corpus, args.articles)]
    table = levers(bodies)
    rows = [table[name]() for name in (args.only or table)]
    if args.json is not None:
        with args.json.open("a") as handle:
            for row in rows:
                handle.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
