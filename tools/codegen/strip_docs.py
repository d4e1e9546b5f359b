#!/usr/bin/env python3
"""Copies an AWS API model (botocore service-2.json) without its documentation strings.

The names, shapes, enums and constraints are facts we test against; the prose is not ours to copy.
Usage: strip_docs.py SOURCE.json TARGET.json
"""
import json
import sys


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in ("documentation", "documentationUrl")}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        model = json.load(f)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(strip(model), f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
