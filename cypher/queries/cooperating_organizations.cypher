// Pairs of organizations that cooperate (COOPERATES_WITH) or co-occur (named in the same sentence),
// with how and in how many documents. Leave name empty for all pairs.
// @param name string=  only pairs with this organization (name or alias)
// @param limit int=50  how many pairs
CALL {
  MATCH (a:Organization)-[r:COOPERATES_WITH]-(b:Organization)
  RETURN a, b, CASE WHEN r.planned THEN 'cooperates (planned)' ELSE 'cooperates' END AS how, r.doc AS doc
  UNION
  MATCH (a:Organization)<-[ma:MENTIONS]-(d:Document)-[mb:MENTIONS]->(b:Organization)
  WHERE any(s IN ma.sentences WHERE s IN mb.sentences)
  RETURN a, b, 'same sentence' AS how, d.id AS doc
}
WITH a, b, how, doc
WHERE a.name < b.name
  AND ($name = '' OR $name IN [a.name, b.name] OR $name IN a.aliases OR $name IN b.aliases)
WITH a, b, collect(DISTINCT how) AS how, count(DISTINCT doc) AS documents
RETURN a.name AS organization, b.name AS partner, how, documents
ORDER BY size(how) DESC, documents DESC, organization, partner
LIMIT $limit
