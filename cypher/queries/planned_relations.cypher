// Relations the text states only as plans (拟 …), with their evidence.
// @param limit int=100  how many
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.planned = true
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN a.name AS source, type(r) AS relation, b.name AS target, d.path AS document, r.sentences AS evidence
ORDER BY source, relation, target
LIMIT $limit
