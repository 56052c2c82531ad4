"""One Dagster partition per drop folder (never one per article: the UI slows past ~100k)."""

from dagster import DynamicPartitionsDefinition

DROPS_PARTITION_NAME = "drops"
drops_partitions = DynamicPartitionsDefinition(name=DROPS_PARTITION_NAME)
