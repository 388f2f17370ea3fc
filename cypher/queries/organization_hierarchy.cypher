// The PART_OF chain around an organization: what it belongs to (up) and what belongs to it (down), up to 3 levels.
// @param name string  the organization's name or an alias, e.g. 市科技局
MATCH (o:Organization) WHERE o.name = $name OR $name IN o.aliases
CALL {
  WITH o
  MATCH p = (o)-[:PART_OF*1..3]->(up:Organization)
  RETURN 'up' AS direction, up AS other, length(p) AS levels
  UNION
  WITH o
  MATCH p = (down:Organization)-[:PART_OF*1..3]->(o)
  RETURN 'down' AS direction, down AS other, length(p) AS levels
}
RETURN o.name AS organization, direction, other.name AS other, min(levels) AS levels
ORDER BY direction, levels, other
