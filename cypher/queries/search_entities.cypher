// Full-text search over entity names and aliases (CJK bigrams, Lucene query syntax), best first.
// @param q string  what to look for, e.g. 燃料电池
// @param limit int=10  how many hits
CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $limit}) YIELD node, score
RETURN node.name AS name, node.type AS type, node.aliases AS aliases, round(score, 3) AS score
ORDER BY score DESC, name
