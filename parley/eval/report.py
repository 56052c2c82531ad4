"""Plain-text reports of an evaluation: the figures, then the errors to look at."""

from __future__ import annotations

from parley.eval.score import EvalReport


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
        f"{report.country_accuracy:.3f}",
        "Dedup (gold reports -> predicted meetings)",
        "  B-cubed P/R/F1, found reports {:.3f} / {:.3f} / {:.3f}".format(*report.bcubed_found),
        "  B-cubed P/R/F1, end to end    {:.3f} / {:.3f} / {:.3f}".format(*report.bcubed),
        "  pairwise P/R/F1 {:.3f} / {:.3f} / {:.3f}".format(*report.pairwise),
        f"  predicted/gold meetings {report.n_predicted_meetings_on_gold}/"
        f"{report.n_gold_meetings} = {report.meeting_ratio:.2f}",
    ]
    if report.false_positives:
        lines.append("False positive links:")
        lines += [f"  {a} {m}: {s[:150]}" for a, m, s in report.false_positives]
    if report.missed:
        lines.append("Missed gold links:")
        lines += [f"  {g} in {a}" for g, a in report.missed]
    if report.slot_errors:
        lines.append("Slot errors:")
        lines += [f"  {e}" for e in report.slot_errors]
    return "\n".join(lines)


def print_report(report: EvalReport) -> None:
    """Print ``format_report`` to stdout."""
    print(format_report(report))


def format_baseline_comparison(report: EvalReport, baseline: EvalReport) -> str:
    """Dedup figures of parley beside the one-a-day baseline on the same mentions."""
    rows = [
        ("B-cubed F1, found reports", report.bcubed_found[2], baseline.bcubed_found[2]),
        ("B-cubed F1, end to end", report.bcubed[2], baseline.bcubed[2]),
        ("pairwise F1", report.pairwise[2], baseline.pairwise[2]),
        ("predicted/gold meetings", report.meeting_ratio, baseline.meeting_ratio),
    ]
    lines = [
        "Dedup against the one-a-day baseline (same mentions)",
        "                              parley  one-a-day",
    ]
    lines += [f"  {name:<27} {ours:6.3f}  {theirs:9.3f}" for name, ours, theirs in rows]
    return "\n".join(lines)
