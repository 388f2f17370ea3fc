// What the last `zhengtu load` changed: documents added, changed and removed, and the counts of facts.
MATCH (l:Load)
RETURN l.source AS source, toString(l.at) AS at, l.status AS status,
       l.documentsAdded AS documentsAdded, l.documentsChanged AS documentsChanged,
       l.documentsUnchanged AS documentsUnchanged, l.documentsRemoved AS documentsRemoved,
       l.entitiesCreated AS entitiesCreated, l.entitiesUpdated AS entitiesUpdated, l.entitiesDeleted AS entitiesDeleted,
       l.relationshipsCreated AS relationshipsCreated, l.relationshipsDeleted AS relationshipsDeleted,
       l.addedPaths AS addedPaths, l.changedPaths AS changedPaths, l.removedPaths AS removedPaths
ORDER BY l.at DESC
LIMIT 1
