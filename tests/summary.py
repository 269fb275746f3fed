# SPDX-License-Identifier: GPL-2.0
"""Print the one-line summary of `make test` from pytest's JUnit XML:
"N passed, N failed" (errors and skips count as failed: nothing may be
left unverified).  Exits non-zero when anything failed."""
import sys
import xml.etree.ElementTree as ET

passed = failed = 0
try:
    root = ET.parse(sys.argv[1]).getroot()
    for case in root.iter("testcase"):
        if any(child.tag in ("failure", "error", "skipped") for child in case):
            failed += 1
        else:
            passed += 1
except (OSError, ET.ParseError) as e:
    print("no test results (%s)" % e)
    failed += 1
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or not passed else 0)
