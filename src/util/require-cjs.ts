// CommonJS builds of libraries that ship both, for modules loaded on first use (the format readers).
// Under tsx an ESM import of a library resolves each of its files through loader hooks on another
// thread, and the importing thread waits for every round trip: linkedom (about 100 files) took
// 0.16–0.22 s to import that way against 0.12 s through require, and a re-run that extracts one
// file pays that on its critical path. The CommonJS and ESM builds are made from the same source.
import { createRequire } from 'node:module';

export const requireCjs = createRequire(import.meta.url);
