"""Click option helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt

import click

from eventcoder.errors import Errors

__all__ = ["iso_date"]


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Click callback: a ``YYYY-MM-DD`` option value as a date (None stays None); a bad
    value is a usage error (E011)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(Errors.E011.format(value=value)) from None
