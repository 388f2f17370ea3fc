// The sentences behind the relations from one entity to another: document, offsets and text of each.
// @param source string  the source entity's name or an alias, e.g. 一业一策
// @param target string  the target entity's name or an alias, e.g. 光刻胶
MATCH (a:Entity) WHERE a.name = $source OR $source IN a.aliases
MATCH (b:Entity) WHERE b.name = $target OR $target IN b.aliases
MATCH (a)-[r]->(b)
OPTIONAL MATCH (d:Document {id: r.doc})
UNWIND range(0, size(r.sentences) - 1) AS i
RETURN type(r) AS relation, d.path AS document, r.starts[i] AS start, r.ends[i] AS end, r.sentences[i] AS sentence
ORDER BY relation, document, start
