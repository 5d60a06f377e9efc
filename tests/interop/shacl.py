"""Validates a kg build with pySHACL and prints its results next to kg's.

Usage: shacl.py GRAPH.nq SHAPES.ttl KG-REPORT.ttl
The data graph is the union of the N-Quads' named graphs, as kg validates it.
Prints JSON: {"conforms": bool, "pyshacl": [...], "kg": [...], "kg_conforms": bool}
where each result is [severity, focus, path, component, value] in N3.
"""
import json
import sys

import pyshacl
import rdflib
from rdflib.namespace import SH


def results(report):
    """The report's top-level results (not pySHACL's nested sh:detail)."""
    out = []
    root = report.value(predicate=rdflib.RDF.type, object=SH.ValidationReport)
    for r in report.objects(root, SH.result):
        path = report.value(r, SH.resultPath)
        if isinstance(path, rdflib.BNode):
            path = "^" + report.value(path, SH.inversePath).n3()
        elif path is not None:
            path = path.n3()
        value = report.value(r, SH.value)
        out.append([
            report.value(r, SH.resultSeverity).n3(),
            report.value(r, SH.focusNode).n3(),
            path or "",
            report.value(r, SH.sourceConstraintComponent).n3(),
            value.n3() if value is not None else "",
        ])
    return sorted(out)


ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
data = rdflib.Graph()
for s, p, o, _ in ds.quads((None, None, None, None)):
    data.add((s, p, o))
shapes = rdflib.Graph().parse(sys.argv[2], format="turtle")
conforms, report, _ = pyshacl.validate(
    data, shacl_graph=shapes, inference="none", allow_warnings=True
)
kg = rdflib.Graph().parse(sys.argv[3], format="turtle")
print(json.dumps({
    "conforms": conforms,
    "pyshacl": results(report),
    "kg_conforms": kg.value(
        kg.value(predicate=rdflib.RDF.type, object=SH.ValidationReport), SH.conforms
    ).toPython(),
    "kg": results(kg),
}))
