"""Self-check expectations for week 4's exercises."""

from __future__ import annotations

from ee4414.selfcheck.core import Expectations

WEEK4: Expectations = {}
