// Everything one document contributes: its relations with their evidence (find paths with documents_mentioning).
// @param path string  the document's path as loaded, e.g. corpus/weifang-policy.txt
MATCH (d:Document {path: $path})
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.doc = d.id
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.sentences AS evidence
ORDER BY relation, source, target
