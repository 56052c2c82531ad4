"""Dagster assets: thin wrappers that move records between parley's modules and storage."""

import warnings

from dagster import BetaWarning

# BackfillPolicy.single_run() is how a backfill over many drops becomes one run (one spaCy
# model load) instead of one run per drop; Dagster still labels the parameter beta. We depend
# on it deliberately, so its warning would only be noise in every `dagster dev` start.
warnings.filterwarnings(
    "ignore", message="Parameter `backfill_policy`", category=BetaWarning, module="dagster"
)
