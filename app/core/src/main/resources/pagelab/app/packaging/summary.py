#!/usr/bin/env python3
"""Job summary for GitHub Actions: the points per check of PageLab's JUnit XML, as Markdown on standard output.

Written by `pagelab autograder @EXERCISE@ --target github` (PageLab @VERSION@). Usage: summary.py RESULTS.xml
(append the output to $GITHUB_STEP_SUMMARY). A missing or unreadable file gives a summary that says so.
"""
import re
import sys
import xml.etree.ElementTree as ET


def cell(text):
    return " ".join(str(text).split()).replace("|", "\\|")


def main(path):
    print("## PageLab: @EXERCISE@\n")
    try:
        suite = ET.parse(path).getroot().find("testsuite")
    except (OSError, ET.ParseError) as e:
        print("Not graded: PageLab wrote no results (%s). The Grade step's log says why." % cell(e))
        return 0
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    print("**%s / %s points**\n" % (props.get("points", "?"), props.get("maxPoints", "?")))
    print("| check | points | result | message |")
    print("|---|---:|---|---|")
    for case in suite.iter("testcase"):
        m = re.match(r"(.*?): (.*) \((\d+)/(\d+) points\)$", case.get("name", ""))
        check, title, got, out_of = m.groups() if m else (case.get("name"), "", "?", "?")
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if case.find("skipped") is not None:
            result, message = "skipped", case.find("skipped").get("message", "")
        elif problem is not None:
            result, message = problem.get("type", "FAIL").lower(), problem.get("message", "")
        else:
            result, message = "pass", ""
        print("| %s: %s | %s/%s | %s | %s |" % (cell(check), cell(title), got, out_of, result, cell(message)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "pagelab-results.xml"))
