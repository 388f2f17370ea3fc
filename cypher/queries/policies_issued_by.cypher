// Policies an organization or place issued, with the documents that say so.
// @param issuer string  the issuer's name or an alias, e.g. 潍坊市
MATCH (o:Entity) WHERE o.name = $issuer OR $issuer IN o.aliases
MATCH (o)-[r:ISSUED]->(p:Policy)
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN p.name AS policy, o.name AS issuer, collect(DISTINCT d.path) AS documents
ORDER BY policy
