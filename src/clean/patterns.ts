// The structure patterns (headings, bylines, labels, affiliations) live as data under
// data/patterns/structure/; this module reads and compiles them once.
import { readDataJSON } from '../util/data-file.ts';

function load<T>(name: string): T {
  return readDataJSON<T>(new URL(`../../data/patterns/structure/${name}.json`, import.meta.url));
}

interface HeadingData {
  levels: { level: number; pattern: string }[];
  notHeadings: string[];
  maxHeadingChars: number;
  maxRunInHeadingChars: number;
  runInLevels: number[];
}
interface BylineData {
  prefixes: string[];
  name: string;
  separators: string;
  maxNames: number;
}
interface LabelData {
  markers: string;
  maxLabelChars: number;
  blockLabels: string[];
}
interface AffiliationData {
  start: string;
  patterns: string[];
}

const headingData = load<HeadingData>('headings');
const bylineData = load<BylineData>('bylines');
const labelData = load<LabelData>('labels');
const affiliationData = load<AffiliationData>('affiliation');

export const headings = {
  levels: headingData.levels.map((l) => ({ level: l.level, re: new RegExp(l.pattern) })),
  not: headingData.notHeadings.map((p) => new RegExp(p)),
  maxChars: headingData.maxHeadingChars,
  maxRunInChars: headingData.maxRunInHeadingChars,
  runInLevels: new Set(headingData.runInLevels),
};

export const bylines = {
  prefix: new RegExp(`^(?:${bylineData.prefixes.join('|')})`),
  prefixOnly: new RegExp(`^(?:${bylineData.prefixes.join('|')})$`),
  name: new RegExp(bylineData.name),
  separators: new RegExp(bylineData.separators),
  maxNames: bylineData.maxNames,
};

export const labels = {
  markers: new Set(labelData.markers),
  maxChars: labelData.maxLabelChars,
  blockLabels: new Set(labelData.blockLabels),
};

export const affiliations = {
  start: new RegExp(affiliationData.start),
  patterns: affiliationData.patterns.map((p) => new RegExp(p)),
};
