// Entities the last load created or updated (name, aliases or confidence changed).
// @param limit int=100  how many
MATCH (l:Load)
MATCH (e:Entity) WHERE e.changed = l.id
RETURN e.name AS name, e.type AS type, CASE WHEN e.created = l.id THEN 'created' ELSE 'updated' END AS change
ORDER BY change, type, name
LIMIT $limit
