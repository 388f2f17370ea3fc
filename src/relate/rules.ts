// Sentence-level relation rules: subject-verb-object with triggers, TARGETS over enumerations,
// 与…合作, possessive juxtaposition (科技部“氢进万家”示范工程), locatives (在山东落地) and titles
// between an organization and a person. Each returns hits; the caller checks the type constraints.
import type { RelationType } from '../types.ts';
import type { Arg, SentenceFacts } from './facts.ts';
import { clauseAround, onWordBoundaries } from './facts.ts';
import type { RelationPattern, RelationPatterns } from './patterns.ts';
import { allowed } from './constraints.ts';
import type { Lexicon } from '../extract/lexicon.ts';

export interface Hit {
  type: RelationType;
  source: Arg;
  target: Arg;
  planned?: boolean;
}

interface TriggerAt {
  start: number;
  end: number;
  planned: boolean;
}

/** Trigger occurrences on word boundaries, outside entity names, not negated. */
function triggersIn(f: SentenceFacts, triggers: string[], p: RelationPatterns): TriggerAt[] {
  const out: TriggerAt[] = [];
  for (const trigger of triggers) {
    for (let at = f.text.indexOf(trigger); at >= 0; at = f.text.indexOf(trigger, at + 1)) {
      const end = at + trigger.length;
      if (out.some((o) => at < o.end && o.start < end)) continue;
      if (f.args.some((a) => a.start <= at && end <= a.end)) continue;
      if (!onWordBoundaries(f.tokens, at, end)) continue;
      const before = f.text.slice(Math.max(0, at - 3), at);
      if (p.negation.some((n) => before.endsWith(n)) || /[？?]/.test(f.text.slice(end))) continue;
      out.push({ start: at, end, planned: p.irrealis.some((w) => before.includes(w)) });
    }
  }
  return out;
}

export function patternHits(f: SentenceFacts, pattern: RelationPattern, p: RelationPatterns, actorAt: (pos: number) => Arg | undefined): Hit[] {
  const hits: Hit[] = [];
  const ok = (a: Arg, b: Arg) => allowed(pattern.type, a.type, b.type);
  for (const t of triggersIn(f, pattern.triggers, p)) {
    const [cs, ce] = clauseAround(f.text, t.start, p.clauseBreak);
    const before = f.args.filter((a) => a.end <= t.start && a.start >= cs);
    const after = f.args.filter((a) => a.start >= t.end && a.end <= ce);
    const add = (source: Arg | undefined, target: Arg) => {
      if (source && source.key !== target.key && ok(source, target)) hits.push({ type: pattern.type, source, target, planned: t.planned || undefined });
    };
    if (pattern.shape === 'svo') {
      const subject = [...before].reverse().find((a) => after.some((o) => ok(a, o))) ?? actorAt(t.start);
      for (const o of after) add(subject, o);
    } else if (pattern.shape === 'targets') {
      const industries = after.filter((a) => a.type === 'Industry');
      if (!industries.length) continue;
      const clauseSources = f.args.filter((a) => a.start >= cs && a.end <= ce && (a.type === 'Policy' || a.type === 'Program'));
      const sentenceSources = f.args.filter((a) => a.type === 'Policy' || a.type === 'Program');
      const pool = clauseSources.length ? clauseSources : new Set(sentenceSources.map((a) => a.key)).size === 1 ? sentenceSources : [];
      const source = pool.sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0];
      for (const o of industries) add(source, o);
    } else if (pattern.shape === 'between') {
      const open = (pattern.open ?? []).map((w) => f.text.lastIndexOf(w, t.start - 1)).filter((i) => i >= cs).sort((a, b) => b - a)[0];
      if (open === undefined) continue;
      const partners = f.args.filter((a) => a.start > open && a.end <= t.start);
      const subject = [...f.args].reverse().find((a) => a.end <= open && a.start >= cs) ?? actorAt(open);
      for (const o of partners) add(subject, o);
    } else if (pattern.shape === 'reverse-adjacent') {
      const owner = before.at(-1);
      const part = after[0];
      if (owner && part && owner.end >= t.start - 1 && part.start <= t.end + 1) add(part, owner);
    }
  }
  return hits;
}

/** 科技部“氢进万家”示范工程 → IMPLEMENTS; 市委“一七五一”思路目标 → ISSUED; 豪迈集团的精细化工 → ACTIVE_IN;
 *  量子信息“千家场景”行动 → TARGETS. */
export function juxtaposedHits(f: SentenceFacts, p: RelationPatterns): Hit[] {
  const hits: Hit[] = [];
  const args = f.args.filter((a) => a.type !== 'Place');
  for (let i = 0; i + 1 < args.length; i++) {
    const [a, b] = [args[i]!, args[i + 1]!];
    if (!p.juxtaposed.gap.includes(f.text.slice(a.end, b.start))) continue;
    if (a.type === 'Industry' && a.end === b.start && allowed(p.juxtaposed.industryBefore, b.type, a.type)) {
      hits.push({ type: p.juxtaposed.industryBefore, source: b, target: a });
      continue;
    }
    const type = p.juxtaposed[b.type];
    if (a.type === 'Organization' && type && allowed(type, a.type, b.type)) hits.push({ type, source: a, target: b });
  }
  return hits;
}

/** X 在 山东 (率先)? 落地 → X LOCATED_IN 山东; a place written right before a name (诸城市揭榜项目研发体). */
export function locativeHits(f: SentenceFacts, p: RelationPatterns): Hit[] {
  const hits: Hit[] = [];
  for (const place of f.args.filter((a) => a.type === 'Place')) {
    const opener = p.locative.open.find((o) => f.text.slice(place.start - o.length, place.start) === o);
    if (opener) {
      const rest = f.text.slice(place.end, place.end + 6);
      if (!p.locative.verbs.some((v) => rest.includes(v))) continue;
      const [cs] = clauseAround(f.text, place.start, p.clauseBreak);
      const subject = [...f.args].reverse().find((a) => a.end <= place.start - opener.length && a.start >= cs && allowed('LOCATED_IN', a.type, 'Place'));
      if (subject) hits.push({ type: 'LOCATED_IN', source: subject, target: place });
      continue;
    }
    const named = f.args.find((a) => p.locative.namedGap.includes(f.text.slice(place.end, a.start)) && a.start >= place.end && allowed('LOCATED_IN', a.type, 'Place'));
    if (named) hits.push({ type: 'LOCATED_IN', source: named, target: place });
  }
  return hits;
}

/** 深圳市委组织部副部长、市人才工作领导小组办公室主任郑秀玉: organization, title, person. */
export function titleHits(f: SentenceFacts, p: RelationPatterns, lexicon: Lexicon): Hit[] {
  const hits: Hit[] = [];
  for (const person of f.args.filter((a) => a.type === 'Person')) {
    const orgs = f.args.filter((a) => a.type === 'Organization' && a.end <= person.start);
    for (const org of orgs) {
      const between = f.text.slice(org.end, person.start);
      // Other organizations may stand between (副部长、市人才工作领导小组办公室主任): count only the titles.
      const inner = f.args.filter((a) => a.start >= org.end && a.end <= person.start);
      if (inner.some((a) => a.type !== 'Organization' && a.type !== 'Place')) continue;
      const titleChars = between.trim().length - inner.reduce((n, a) => n + (a.end - a.start), 0);
      if (titleChars > p.affiliation.maxTitleChars || /[，。；：]/.test(between)) continue;
      if (holdsTitle(between, lexicon)) hits.push({ type: 'AFFILIATED_WITH', source: person, target: org });
    }
    // 苏宏久是甬江实验室的科研人员
    const org = f.args.find((a) => a.type === 'Organization' && f.text.slice(person.end, a.start) === '是');
    if (org && f.text[org.end] === '的') {
      const rest = f.text.slice(org.end + 1, org.end + 1 + p.affiliation.maxRoleChars).split(/[，。；：、]/)[0]!;
      if (p.affiliation.roleTails.some((r) => rest.includes(r))) hits.push({ type: 'AFFILIATED_WITH', source: person, target: org });
    }
  }
  return hits;
}

/** （责任单位：省经济和信息化厅、省财政厅）: each unit after the label implements the policy in scope. */
export function responsibleHits(f: SentenceFacts, p: RelationPatterns, policy: Arg | undefined): Hit[] {
  if (!policy) return [];
  const label = p.responsible.labels.map((l) => f.text.indexOf(l)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (label === undefined) return [];
  const units = f.args.filter((a) => a.start > label && a.type === 'Organization');
  return units.map((unit) => ({ type: 'IMPLEMENTS' as const, source: unit, target: policy }));
}

function holdsTitle(text: string, lexicon: Lexicon): boolean {
  for (const title of lexicon.personTitles) if (text.includes(title)) return true;
  return false;
}
