"""Parse many AWS config files with botocore in one process (fast enough for property tests).

Usage: python3 botocore_parse.py LISTFILE
LISTFILE holds one path per line. Prints one JSON object: {path: {"raw": ..., "map": ...} or {"error": ...}}.
"""
import json
import sys

import botocore.configloader as cl

out = {}
with open(sys.argv[1], encoding='utf-8') as f:
    paths = [line.rstrip('\n') for line in f if line.strip()]
for p in paths:
    try:
        raw = cl.raw_config_parse(p)
        out[p] = {'raw': raw, 'map': cl.build_profile_map(raw)}
    except Exception as e:  # noqa: BLE001 - report every failure to the test
        out[p] = {'error': '%s: %s' % (type(e).__name__, e)}
sys.stdout.write(json.dumps(out))
