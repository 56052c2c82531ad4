"""The one resource the assets share: where drops and the warehouse live."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from parley import settings
from parley.ingest.drops import drop_folder
from warehouse.staging import StagingArea


class ParleyPaths(ConfigurableResource):
    """Drops root and published warehouse file; defaults follow PARLEY_* environment variables."""

    drops_dir: str
    warehouse_path: str

    @classmethod
    def from_environment(cls) -> ParleyPaths:
        """Paths from ``PARLEY_DROPS_DIR`` / ``PARLEY_WAREHOUSE`` or the repository defaults."""
        return cls(
            drops_dir=str(settings.drops_dir()), warehouse_path=str(settings.warehouse_path())
        )

    def drop_folder(self, drop_id: str) -> Path:
        """The folder of one drop (whose name may be the escaped form of its id)."""
        return drop_folder(Path(self.drops_dir), drop_id)

    @property
    def warehouse(self) -> Path:
        """The published DuckDB file."""
        return Path(self.warehouse_path)

    @property
    def staging(self) -> StagingArea:
        """The per-drop Parquet files beside the warehouse."""
        return StagingArea.for_warehouse(self.warehouse)
