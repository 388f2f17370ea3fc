// Who implements a program (or a policy): organizations and places with an IMPLEMENTS relation to it.
// @param program string  the program's name or an alias, e.g. 氢进万家示范工程
MATCH (p:Entity) WHERE (p:Program OR p:Policy) AND (p.name = $program OR $program IN p.aliases)
MATCH (o:Entity)-[r:IMPLEMENTS]->(p)
WITH p, o, collect(r) AS rels
RETURN o.name AS implementer, o.type AS type, p.name AS program, size(rels) AS documents,
       reduce(s = [], r IN rels | s + r.sentences) AS evidence
ORDER BY documents DESC, implementer
