// The relation patterns, as data (data/patterns/relations.json).
import { join } from 'node:path';
import type { EntityType, RelationType } from '../types.ts';
import { DATA_DIR } from '../extract/lexicon.ts';
import { readDataJSON } from '../util/data-file.ts';

export interface RelationPattern {
  type: RelationType;
  shape: 'svo' | 'targets' | 'between' | 'reverse-adjacent';
  triggers: string[];
  open?: string[];
}

export interface RelationPatterns {
  negation: string[];
  irrealis: string[];
  clauseBreak: string;
  implied: { clausePrefix: string; speakerTitle: string };
  relations: RelationPattern[];
  juxtaposed: { gap: string[]; industryBefore: RelationType } & Partial<Record<EntityType, RelationType>>;
  responsible: { labels: string[] };
  locative: { open: string[]; verbs: string[]; namedGap: string[] };
  affiliation: { maxTitleChars: number; roleTails: string[]; maxRoleChars: number };
}

let cached: RelationPatterns | undefined;

export function loadPatterns(): RelationPatterns {
  if (!cached) {
    cached = readDataJSON<RelationPatterns>(join(DATA_DIR, 'patterns/relations.json'));
    // Longest trigger first, so that 制定出台 wins over 出台.
    for (const r of cached.relations) r.triggers.sort((a, b) => b.length - a.length);
  }
  return cached;
}
