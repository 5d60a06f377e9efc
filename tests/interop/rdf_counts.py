"""Parses RDF files with rdflib and prints what it found.

Usage: rdf_counts.py FORMAT=FILE ...   (FORMAT: an rdflib parser name)
Prints JSON {FILE: {"statements": n, "graphs": g, "digest": d}}: triples for
graph formats, quads for dataset formats (nquads, trig, json-ld), the
number of named graphs, and a digest of the union graph that does not
depend on blank node labels (rdflib.compare).
"""
import json
import sys

import rdflib
from rdflib.compare import to_isomorphic

DATASETS = {"nquads", "trig", "json-ld"}

out = {}
for arg in sys.argv[1:]:
    fmt, path = arg.split("=", 1)
    union = rdflib.Graph()
    if fmt in DATASETS:
        ds = rdflib.Dataset()
        ds.parse(path, format=fmt)
        quads = list(ds.quads((None, None, None, None)))
        for s, p, o, _ in quads:
            union.add((s, p, o))
        n, graphs = len(quads), len({q[3] for q in quads})
    else:
        union.parse(path, format=fmt)
        n, graphs = len(union), 0
    out[path] = {
        "statements": n,
        "graphs": graphs,
        "digest": to_isomorphic(union).graph_digest(),
    }
print(json.dumps(out))
