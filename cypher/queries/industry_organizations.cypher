// Organizations active in an industry, and the policies or programs that target it.
// @param industry string  the industry's name or an alias, e.g. 氢能
MATCH (i:Industry) WHERE i.name = $industry OR $industry IN i.aliases
MATCH (e:Entity)-[r:ACTIVE_IN|TARGETS]->(i)
RETURN e.name AS name, e.type AS type, type(r) AS relation, count(r) AS documents
ORDER BY relation, name
