// Paths of the read-only CLUENER data beside the repository (tests may read it; the tool never does).
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLUENER_TRAIN = resolve(ROOT, '../shared/data/cluener/train.json');
export const CLUENER_DEV = resolve(ROOT, '../shared/data/cluener/dev.json');
