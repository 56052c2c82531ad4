"""Reporting over the published warehouse: report views, quality checks, and pictures."""
