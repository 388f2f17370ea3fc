// Industries targeted by the most distinct policies and programs.
// @param limit int=10  how many industries
MATCH (p:Entity)-[:TARGETS]->(i:Industry)
WITH i, collect(DISTINCT p.name) AS targetedBy
RETURN i.name AS industry, size(targetedBy) AS targets, targetedBy
ORDER BY targets DESC, industry
LIMIT $limit
