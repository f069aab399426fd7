"""Compares two JUnit XML reports of CPython's regrtest (`--junit-xml`): the native run's and
run32's. Fails when a test case that passed natively did not pass under run32, when one
skipped natively ran under run32 (or the other way round), or when a report is missing
cases; prints the counts and every difference.

usage: python_regrtest_compare.py NATIVE.xml RUN32.xml
"""
import sys
import xml.etree.ElementTree as ElementTree


def outcomes(path):
    """Each test case's outcome: passed, skipped, failed (failure or error)."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        sys.exit(f"{path}: no report ({error})")
    result = {}
    for case in root.iter("testcase"):
        kinds = {child.tag for child in case}
        if kinds & {"failure", "error"}:
            result[case.get("name")] = "failed"
        elif "skipped" in kinds:
            result[case.get("name")] = "skipped"
        else:
            result[case.get("name")] = "passed"
    return result


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    native, run32 = outcomes(sys.argv[1]), outcomes(sys.argv[2])
    count = lambda cases, what: sum(1 for o in cases.values() if o == what)
    for name, cases in (("native", native), ("run32", run32)):
        print(f"{name}: {len(cases)} test cases, {count(cases, 'passed')} passed, "
              f"{count(cases, 'skipped')} skipped, {count(cases, 'failed')} failed")
    differences = []
    for case, outcome in sorted(native.items()):
        theirs = run32.get(case, "missing")
        if outcome == "passed" and theirs != "passed":
            differences.append(f"{case}: passed natively, {theirs} under run32")
        elif outcome == "skipped" and theirs not in ("skipped", "missing"):
            differences.append(f"{case}: skipped natively, {theirs} under run32")
    for case in sorted(set(run32) - set(native)):
        if run32[case] != "skipped":
            differences.append(f"{case}: only under run32 ({run32[case]})")
    if not native:
        differences.append("the native run reported no test case: no oracle")
    for line in differences:
        print(line)
    if differences:
        print(f"FAIL: {len(differences)} test cases differ")
        return 1
    print("every test case that passed natively passed under run32")
    return 0


if __name__ == "__main__":
    sys.exit(main())
