// The report's stylesheet, inlined into report.html: screen layout plus print rules (no navigation, cards kept
// whole, link targets not shown, pictures scaled to the page).
export const REPORT_CSS = `
:root { --ink: #222; --muted: #666; --line: #ddd; --mark: #ffe066; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 4rem; color: var(--ink); line-height: 1.55;
  font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin: 1.4rem 0 .5rem; }
h4 { margin: .8rem 0 .3rem; font-size: 1rem; }
a { color: #0b5cad; text-decoration: none; }
a:hover { text-decoration: underline; }
.built, .scope, .note { color: var(--muted); font-size: .9rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
table.numbers td:nth-child(n+3) { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix td:nth-child(n+3) { text-align: center; }
table.matrix th { vertical-align: bottom; }
table.matrix th .col { writing-mode: vertical-rl; white-space: nowrap; }
a.cell { display: inline-block; min-width: 1.6em; border-radius: 3px; background: #2ca02c; color: #fff; font-weight: bold; }
.scroll { overflow-x: auto; }
.counts, .tables { display: flex; flex-wrap: wrap; gap: 0 2.5rem; }
.type { display: inline-block; border-left: 4px solid; padding: 0 .35rem; font-size: .8rem; background: #f4f4f4; font-weight: normal; }
.entity { white-space: nowrap; }
figure { margin: 1rem 0 1.5rem; }
.communities { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.communities figure { flex: 0 1 500px; }
figcaption { font-weight: bold; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; }
svg a text { fill: #0b5cad; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .3rem 1rem .8rem; margin: 1rem 0; }
.card ul { padding-left: 1.2rem; margin: .2rem 0; }
.card li { margin: .4rem 0; }
blockquote { margin: .3rem 0 .3rem .2rem; padding: .2rem .7rem; border-left: 3px solid var(--line); background: #fafafa; }
blockquote cite { display: block; color: var(--muted); font-size: .82rem; font-style: normal; }
mark { background: var(--mark); padding: 0 .1em; }
.relation { margin: .6rem 0 1rem; }
.relation > p { margin: .2rem 0; }
:target { outline: 3px solid var(--mark); }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; }
  h2 { break-before: page; }
  #overview h2 { break-before: auto; }
  h2, h3, h4, figcaption { break-after: avoid; }
  .card, .relation, figure, tr, blockquote { break-inside: avoid; }
  .scroll { overflow: visible; }
  table.matrix { font-size: 8pt; }
  a.cell { background: none; color: #000; border: 1px solid #2ca02c; }
  mark { background: none; font-weight: bold; text-decoration: underline; }
  :target { outline: none; }
}
`.trim();
