"""Self-check expectations for week 5's exercises."""

from __future__ import annotations

from ee4414.selfcheck.core import Expectations

WEEK5: Expectations = {}
