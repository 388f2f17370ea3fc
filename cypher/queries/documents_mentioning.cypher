// Documents that mention an entity, found by its name or any alias, with how often.
// @param name string  the entity's name or an alias, e.g. 鸢都
MATCH (e:Entity) WHERE e.name = $name OR $name IN e.aliases
MATCH (d:Document)-[m:MENTIONS]->(e)
RETURN d.path AS document, d.title AS title, e.name AS entity, e.type AS type, size(m.starts) AS mentions
ORDER BY mentions DESC, document
