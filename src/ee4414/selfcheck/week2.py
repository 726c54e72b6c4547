"""Self-check expectations for week 2's exercises."""

from __future__ import annotations

from ee4414.selfcheck.core import Expectations

WEEK2: Expectations = {}
