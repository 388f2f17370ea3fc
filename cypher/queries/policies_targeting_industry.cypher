// Policies and programs that target an industry, with the sentences that say so.
// @param industry string  the industry's name or one of its aliases, e.g. 光刻胶
MATCH (i:Industry) WHERE i.name = $industry OR $industry IN i.aliases
MATCH (p:Entity)-[r:TARGETS]->(i)
WITH i, p, collect(r) AS rels
RETURN p.name AS source, p.type AS type, i.name AS industry, size(rels) AS documents,
       reduce(s = [], r IN rels | s + r.sentences) AS evidence
ORDER BY documents DESC, source
