// Every relation pattern family on small sentences, with the sentences where it must not fire:
// negation, questions, irrealis (kept as planned), lists, nested quotes, possessives, locatives.
import { describe, expect, it } from 'vitest';
import { relationsOf } from './helpers.ts';

describe('ISSUED', () => {
  it('joins the subject to the policy after 出台/发布', () => {
    expect(relationsOf('潍坊市科技局出台《潍坊市科技创新券管理办法》。', 'ISSUED')).toEqual([
      '潍坊市科技局 -ISSUED-> 潍坊市科技创新券管理办法',
    ]);
  });

  it('finds nothing after a negation (未出台, 尚未出台)', () => {
    expect(relationsOf('潍坊市科技局未出台《潍坊市科技创新券管理办法》。', 'ISSUED')).toEqual([]);
    expect(relationsOf('潍坊市科技局尚未出台《潍坊市科技创新券管理办法》。', 'ISSUED')).toEqual([]);
  });

  it('finds nothing in a question', () => {
    expect(relationsOf('潍坊市科技局是否会出台《潍坊市科技创新券管理办法》？', 'ISSUED')).toEqual([]);
  });

  it('keeps a planned act (拟出台) as a planned relation', () => {
    expect(relationsOf('潍坊市科技局拟出台《潍坊市科技创新券管理办法》。', 'ISSUED')).toEqual([
      '潍坊市科技局 -ISSUED(planned)-> 潍坊市科技创新券管理办法',
    ]);
  });

  it('issues the whole title, not a program quoted inside it', () => {
    const text = '烟台市工信局发布《烟台市“强链补链”工程实施方案》。';
    expect(relationsOf(text, 'ISSUED')).toEqual(['烟台市工信局 -ISSUED-> 烟台市强链补链工程实施方案']);
    expect(relationsOf(text, 'IMPLEMENTS')).toEqual([]);
  });
});

describe('IMPLEMENTS', () => {
  it('distributes over a list of objects', () => {
    expect(relationsOf('烟台市工信局组织实施“强链补链”工程和“专精特新”行动。', 'IMPLEMENTS')).toEqual([
      '烟台市工信局 -IMPLEMENTS-> 专精特新行动',
      '烟台市工信局 -IMPLEMENTS-> 强链补链工程',
    ]);
  });

  it('finds nothing after 没有, 尚未, 不再, or in a question', () => {
    for (const text of [
      '潍坊市科技局没有实施“强链补链”工程。',
      '潍坊市科技局尚未实施“强链补链”工程。',
      '潍坊市科技局不再实施“强链补链”工程。',
      '潍坊市科技局是否实施“强链补链”工程？',
    ]) {
      expect(relationsOf(text, 'IMPLEMENTS'), text).toEqual([]);
    }
  });

  it('marks 拟 and 将要 as planned', () => {
    expect(relationsOf('山东省人民政府拟启动“智造强省”行动。', 'IMPLEMENTS')).toEqual(['山东省人民政府 -IMPLEMENTS(planned)-> 智造强省行动']);
    expect(relationsOf('烟台市工信局将要实施“强链补链”工程。', 'IMPLEMENTS')).toEqual(['烟台市工信局 -IMPLEMENTS(planned)-> 强链补链工程']);
  });

  it('reads an organization written before a quoted program as its owner (科技部“X”示范工程)', () => {
    expect(relationsOf('科技部“氢能走廊”示范工程在山东启动。', 'IMPLEMENTS')).toEqual(['科技部 -IMPLEMENTS-> 氢能走廊示范工程']);
  });
});

describe('TARGETS', () => {
  it('distributes a policy over the industries of a list (对A、B等重点产业实施“一业一策”)', () => {
    const text = '烟台市科技局对集成电路、生物医药等重点产业实施“一业一策”。';
    expect(relationsOf(text, 'TARGETS')).toEqual(['一业一策 -TARGETS-> 生物医药', '一业一策 -TARGETS-> 集成电路']);
    expect(relationsOf(text, 'IMPLEMENTS')).toEqual(['烟台市科技局 -IMPLEMENTS-> 一业一策']);
  });

  it('takes the program of the sentence as the source when the industries open it (面向…，实施…)', () => {
    expect(relationsOf('面向集成电路、生物医药等重点产业，实施“强链补链”工程。', 'TARGETS')).toEqual([
      '强链补链工程 -TARGETS-> 生物医药',
      '强链补链工程 -TARGETS-> 集成电路',
    ]);
  });

  it('needs an industry after the trigger', () => {
    expect(relationsOf('“强链补链”工程聚焦企业技术改造。', 'TARGETS')).toEqual([]);
  });
});

describe('ACTIVE_IN', () => {
  it('joins an organization to the field it works in', () => {
    expect(relationsOf('豪迈集团深耕精细化工领域。', 'ACTIVE_IN')).toEqual(['豪迈集团 -ACTIVE_IN-> 精细化工']);
  });

  it('finds nothing when the work is denied', () => {
    expect(relationsOf('豪迈集团没有布局新能源。', 'ACTIVE_IN')).toEqual([]);
  });
});

describe('PART_OF', () => {
  it('reads X所属的Y as Y part of X', () => {
    expect(relationsOf('烟台市科学技术局所属的烟台市科技创新服务中心开展培训。', 'PART_OF')).toEqual([
      '烟台市科技创新服务中心 -PART_OF-> 烟台市科学技术局',
    ]);
  });
});

describe('COOPERATES_WITH', () => {
  it('joins the partners of 与…合作', () => {
    expect(relationsOf('今年，潍柴集团积极与山东大学开展合作。', 'COOPERATES_WITH')).toEqual(['潍柴集团 -COOPERATES_WITH-> 山东大学']);
  });

  it('joins the partners of 同…合作/签署 and 携手', () => {
    expect(relationsOf('潍柴集团同山东大学合作开展技术攻关。', 'COOPERATES_WITH')).toEqual(['潍柴集团 -COOPERATES_WITH-> 山东大学']);
    expect(relationsOf('烟台市政府同华为技术有限公司签署合作协议。', 'COOPERATES_WITH')).toEqual([
      '烟台市政府 -COOPERATES_WITH-> 华为技术有限公司',
    ]);
    expect(relationsOf('潍柴集团携手山东大学共建创新平台。', 'COOPERATES_WITH')).toEqual(['潍柴集团 -COOPERATES_WITH-> 山东大学']);
  });

  it('finds no cooperation without a trigger', () => {
    expect(relationsOf('潍柴集团和山东大学的代表出席会议。', 'COOPERATES_WITH')).toEqual([]);
  });
});

describe('LOCATED_IN', () => {
  it('reads 在<place>落地 as located in the place', () => {
    expect(relationsOf('国家燃料电池技术创新中心在山东落地。', 'LOCATED_IN')).toEqual(['国家燃料电池技术创新中心 -LOCATED_IN-> 山东省']);
  });

  it('reads a place prefix as located in the place (潍坊市委党校 → 潍坊市)', () => {
    expect(relationsOf('潍坊市委党校组织开展专题培训。', 'LOCATED_IN')).toEqual(['潍坊市委党校 -LOCATED_IN-> 潍坊市']);
  });

  it('reads 位于', () => {
    expect(relationsOf('烟台市科技创新服务中心位于烟台市莱山区。', 'LOCATED_IN')).toContain('烟台市科技创新服务中心 -LOCATED_IN-> 莱山区');
  });

  it('needs a locative verb after 在<place>', () => {
    expect(relationsOf('国家燃料电池技术创新中心在山东召开座谈会。', 'LOCATED_IN')).toEqual([]);
  });
});

describe('AFFILIATED_WITH by title', () => {
  it('joins a person to the organization before the title', () => {
    // The college's party committee is the body whose secretary he is (the tagger reads 学院党委 as one name).
    expect(relationsOf('山东科技职业学院党委书记王建国强调，要深化产教融合。', 'AFFILIATED_WITH')).toEqual([
      '王建国 -AFFILIATED_WITH-> 山东科技职业学院党委',
    ]);
  });
});
