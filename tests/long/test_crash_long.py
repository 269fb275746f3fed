# SPDX-License-Identifier: GPL-2.0
"""The crash-consistency test of tests/system/test_crash.py at a larger
scale, for `make test-long`: two chains of LONG_KILLS kills each (50 in
all), the same checks after every one."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "system"))

import test_crash  # noqa: E402

LONG_KILLS = 25


def test_fsynced_data_survives_50_kills():
    test_crash.KILLS = LONG_KILLS
    test_crash.test_fsynced_data_survives_kills_and_the_journal_replays()
