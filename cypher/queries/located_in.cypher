// Organizations and programs located in a place.
// @param place string  the place's name or an alias, e.g. 山东
MATCH (pl:Place) WHERE pl.name = $place OR $place IN pl.aliases
MATCH (e:Entity)-[r:LOCATED_IN]->(pl)
RETURN e.name AS name, e.type AS type, pl.name AS place, count(r) AS documents
ORDER BY type, name
