"""What each exercise's self-check expects, gathered from the weekly modules."""

from __future__ import annotations

from ee4414.selfcheck.core import Expectations
from ee4414.selfcheck.week1 import WEEK1
from ee4414.selfcheck.week2 import WEEK2
from ee4414.selfcheck.week3 import WEEK3
from ee4414.selfcheck.week4 import WEEK4
from ee4414.selfcheck.week5 import WEEK5
from ee4414.selfcheck.week6 import WEEK6

EXPECTATIONS: Expectations = {**WEEK1, **WEEK2, **WEEK3, **WEEK4, **WEEK5, **WEEK6}
