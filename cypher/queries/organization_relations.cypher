// Every typed relation of an organization, both directions, one row per document with its evidence sentences.
// @param name string  the organization's name or an alias, e.g. 国家燃料电池技术创新中心
MATCH (o:Organization) WHERE o.name = $name OR $name IN o.aliases
MATCH (o)-[r]-(other:Entity)
WHERE type(r) <> 'RELATED_TO'
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN type(r) AS relation, CASE WHEN startNode(r) = o THEN 'out' ELSE 'in' END AS direction,
       other.name AS other, other.type AS otherType, d.path AS document, r.sentences AS evidence
ORDER BY relation, other, document
