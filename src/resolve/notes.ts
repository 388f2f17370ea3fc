// Trailing bracketed notes of a name: some say which version of one document this is (（讨论稿）,
// （征求意见稿）, （修订）) and are dropped from its identity; others name a different document and are
// kept: an edition (（2019年本）, （2020年版）), a period (（2016—2030年）) or a number (（第5号）,
// （国务院令第699号）). 产业结构调整指导目录（2019年本） and （2024年本） are two catalogues.
import { withoutTrailingNote } from '../util/marks.ts';

const TRAILING_NOTE = /[（(]([^（）()]*)[）)]$/;

const IDENTITY_NOTES = [
  /\d{4}\s*年?\s*(?:本|版)/, // edition
  /\d{4}\s*年?\s*[—–\-－~～至到]+\s*\d{2,4}/, // period
  /[\d０-９一二三四五六七八九十百千零〇]+\s*号/, // number
  /^\s*\d{4}\s*年度?\s*$/, // a year's plan or report: （2023年） and （2024年） are two
];

/** The trailing note when it names a different document (edition, period, number), else ''. */
export function identityNote(name: string): string {
  const note = TRAILING_NOTE.exec(name);
  return note && IDENTITY_NOTES.some((re) => re.test(note[1]!)) ? note[0] : '';
}
