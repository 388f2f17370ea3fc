// The best-connected entities: how many distinct entities they are related to by typed relations.
// @param type entity-type=  only this entity type (Organization, Program, Industry, Policy, Person, Place); empty for all
// @param limit int=10  how many
MATCH (e:Entity) WHERE $type = '' OR e.type = $type
MATCH (e)-[r:ISSUED|IMPLEMENTS|TARGETS|ACTIVE_IN|PART_OF|COOPERATES_WITH|LOCATED_IN|AFFILIATED_WITH]-(other:Entity)
RETURN e.name AS name, e.type AS type, count(DISTINCT other) AS neighbours, count(DISTINCT r.doc) AS documents
ORDER BY neighbours DESC, documents DESC, name
LIMIT $limit
