// Runs before every test file: the connection settings point at the run's own Neo4j (test/setup/neo4j.ts),
// whatever NEO4J_* the user's shell has, so that code under test and the CLI runs it spawns (which read
// NEO4J_*) cannot reach the user's database.
import { inject } from 'vitest';

const neo4j = inject('neo4j');
process.env.NEO4J_URI = neo4j.uri;
process.env.NEO4J_USER = neo4j.user;
process.env.NEO4J_PASSWORD = neo4j.password;
if (neo4j.database) process.env.NEO4J_DATABASE = neo4j.database;
else delete process.env.NEO4J_DATABASE;
