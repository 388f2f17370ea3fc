// The zhengtu schema. `zhengtu load` applies it before every load; every statement is IF NOT EXISTS,
// so applying it again changes nothing. Statements end with `;` at the end of a line.

// One node per entity: (:Entity:<Type> {key, type, name, aliases, confidence}); key = "<Type>:<name>".
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT program_key IF NOT EXISTS FOR (n:Program) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT industry_key IF NOT EXISTS FOR (n:Industry) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT policy_key IF NOT EXISTS FOR (n:Policy) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;

// One node per loaded document version: (:Document {id (content hash), path, title, complete, facts}).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE INDEX document_path IF NOT EXISTS FOR (d:Document) ON (d.path);

// One node per `zhengtu load`, holding what it changed.
CREATE CONSTRAINT load_id IF NOT EXISTS FOR (l:Load) REQUIRE l.id IS UNIQUE;

// Exact look-ups by name (the named queries match a name or an alias).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Alias-aware search: CJK bigrams over names and aliases.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
