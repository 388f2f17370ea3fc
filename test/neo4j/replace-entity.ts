// Another client, for load.test.ts: deletes one Organization entity and writes it again (same key and
// properties, new node id) in one transaction. Prints the old and the new node id as JSON.
// usage: node --import tsx test/neo4j/replace-entity.ts <key>
import { connect } from '../../src/neo4j/connection.ts';

const key = process.argv[2]!;
const conn = await connect();
const session = conn.driver.session({ database: conn.database });
try {
  const result = await session.executeWrite((tx) =>
    tx.run(
      `MATCH (old:Entity:Organization {key: $key})
       WITH old, properties(old) AS props, elementId(old) AS oldId
       DETACH DELETE old
       WITH props, oldId
       CREATE (new:Entity:Organization)
       SET new = props
       RETURN oldId, elementId(new) AS newId`,
      { key },
    ),
  );
  process.stdout.write(`${JSON.stringify(result.records[0]?.toObject() ?? null)}\n`);
} finally {
  await session.close();
  await conn.driver.close();
}
