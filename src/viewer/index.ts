export { writeViewer, buildViewer, viewerIsStale, VIZ_DIR, VIZ_DIST } from './write.ts';
export { serveDirectory, resolveRequestPath, type StaticServer } from './server.ts';
