// The shortest chain of relations (any direction, up to 4 hops) between two entities.
// @param from string  one entity's name or alias, e.g. 氢能
// @param to string  the other entity's name or alias, e.g. 潍坊市
MATCH (a:Entity) WHERE a.name = $from OR $from IN a.aliases
MATCH (b:Entity) WHERE (b.name = $to OR $to IN b.aliases) AND a <> b
MATCH p = shortestPath((a)-[:ISSUED|IMPLEMENTS|TARGETS|ACTIVE_IN|PART_OF|COOPERATES_WITH|LOCATED_IN|AFFILIATED_WITH|RELATED_TO*..4]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS path, [r IN relationships(p) | type(r)] AS relations
ORDER BY hops
LIMIT 1
