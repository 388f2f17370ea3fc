// The organizations a person is affiliated with, with the sentences that say so.
// @param name string  the person's name, e.g. 徐晶
MATCH (p:Person) WHERE p.name = $name OR $name IN p.aliases
MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization)
WITH p, o, collect(r) AS rels
RETURN p.name AS person, o.name AS organization, reduce(s = [], r IN rels | s + r.sentences) AS evidence
ORDER BY organization
