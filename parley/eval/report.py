"""Plain-text reports of an evaluation: the figures, then the errors to look at."""

from __future__ import annotations

from parley.eval.score import EvalReport, SetScores


def format_report(report: EvalReport) -> str:
    """A plain-text summary of an evaluation, with the errors to look at."""
    lines = [
        "Meeting extraction (links = (meeting, article) pairs on gold and negative articles)",
        f"  link precision {report.link_precision:.3f}  recall {report.link_recall:.3f}  "
        f"F1 {report.link_f1:.3f}   (TP {report.true_positive_links}, "
        f"FP {report.false_positive_links}, gold found {report.found_gold_links}/"
        f"{report.n_gold_links}, weak links ignored {report.ignored_weak_links})",
        f"  negatives with a meeting: {len(report.negatives_with_meeting)} of "
        f"{report.n_negatives} {report.negatives_with_meeting or ''}",
        f"  slots over {report.n_slot_meetings} matched meetings: kind "
        f"{report.kind_accuracy:.3f}  date {report.date_accuracy:.3f}  countries "
        f"{report.country_accuracy:.3f}  participants without a country "
        "{}/{}".format(*report.without_country),
        "Dedup (gold reports -> predicted meetings)",
        "  B-cubed P/R/F1, found reports {:.3f} / {:.3f} / {:.3f}".format(*report.bcubed_found),
        "  B-cubed P/R/F1, end to end    {:.3f} / {:.3f} / {:.3f}".format(*report.bcubed),
        "  pairwise P/R/F1 {:.3f} / {:.3f} / {:.3f}".format(*report.pairwise),
        f"  predicted/gold meetings {report.n_predicted_meetings_on_gold}/"
        f"{report.n_gold_meetings} = {report.meeting_ratio:.2f} end to end, "
        f"/{report.n_gold_meetings_found} found = {report.found_meeting_ratio:.2f}",
    ]
    if report.false_positives:
        lines.append("False positive links:")
        lines += [f"  {a} {m}: {s[:150]}" for a, m, s in report.false_positives]
    if report.missed:
        lines.append("Missed gold links:")
        lines += [f"  {g} in {a}: {' '.join(text.split())[:150]}" for g, a, text in report.missed]
    if report.slot_errors:
        lines.append("Slot errors:")
        lines += [f"  {e}" for e in report.slot_errors]
    return "\n".join(lines)


def print_report(report: EvalReport) -> None:
    """Print ``format_report`` to stdout."""
    print(format_report(report))


# The extraction and slot columns, shared by both summaries.
_EXTRACTION_HEADER = (
    f"{'set':<24} {'links':>5} {'P':>5} {'R':>5} {'F1':>5}  {'kind':>5} {'date':>5} "
    f"{'ctry':>5} {'noctry':>6} {'neg':>7} {'multi':>5}"
)
_SUMMARY_HEADER = (
    f"{_EXTRACTION_HEADER}  {'B3fnd':>5} {'rfnd':>5} {'B3e2e':>5} {'ratio':>5}  "
    f"{'one-a-day B3fnd':>15} {'rfnd':>5} {'e2e':>5} {'ratio':>5}"
)


def _extraction_columns(name: str, r: EvalReport) -> str:
    """The extraction and slot figures of one set, under ``_EXTRACTION_HEADER``."""
    negatives = f"{len(r.negatives_with_meeting)}/{r.n_negatives}"
    multilateral = "{}/{}".format(*r.multilateral)
    return (
        f"{name:<24} {r.n_gold_links:>5} {r.link_precision:5.3f} {r.link_recall:5.3f} "
        f"{r.link_f1:5.3f}  {r.kind_accuracy:5.3f} {r.date_accuracy:5.3f} "
        f"{r.country_accuracy:5.3f} {r.share_without_country:6.3f} {negatives:>7} "
        f"{multilateral:>5}"
    )


def format_summary(scores: dict[str, SetScores]) -> str:
    """One line per labelled set: extraction, slots, negatives and dedup, with the one-a-day
    baseline's dedup figures on the same mentions beside them."""
    lines = [_SUMMARY_HEADER]
    for name, s in scores.items():
        r, b = s.report, s.baseline
        lines.append(
            f"{_extraction_columns(name, r)}  {r.bcubed_found[2]:5.3f} "
            f"{r.found_meeting_ratio:5.2f} {r.bcubed[2]:5.3f} {r.meeting_ratio:5.2f}  "
            f"{b.bcubed_found[2]:15.3f} {b.found_meeting_ratio:5.2f} {b.bcubed[2]:5.3f} "
            f"{b.meeting_ratio:5.2f}"
        )
    return "\n".join(lines)


def format_extraction_summary(reports: dict[str, EvalReport]) -> str:
    """One line per labelled set: the extraction and slot figures alone."""
    lines = [_EXTRACTION_HEADER]
    lines += [_extraction_columns(name, r) for name, r in reports.items()]
    return "\n".join(lines)
