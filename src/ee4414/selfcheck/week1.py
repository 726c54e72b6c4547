"""Self-check expectations for week 1's exercises."""

from __future__ import annotations

from ee4414.selfcheck.core import Expectations

WEEK1: Expectations = {}
