import { headerKey, looksLikeHeaderCell, scoreHeader, SYNONYMS } from '../../../src/core/header/synonyms';
import type { Field } from '../../../src/core/types';
import { FIELDS } from '../../../src/core/types';

/** The field a header path reads as best, or null. */
function best(...levels: string[]): Field | null {
  const c = scoreHeader(levels);
  return c.length ? c[0].field : null;
}

describe('headerKey', () => {
  it.each([
    ['总投资（万元）', '总投资', false],
    ['总投资               (万元)', '总投资', false],
    ['總投資（億元）', '总投资', false],
    ['2010年  计划投资(万元)', 'Y年计划投资', false],
    ['1-6月完成投资', 'R月完成投资', false],
    ['1-  月累计完成投资', 'R月累计完成投资', false],
    ['2022年1-N月完成投资', 'Y年R月完成投资', false],
    ['1至6月完成', 'R月完成', false],
    ['6月份完成投资', 'M月完成投资', false],
    ['截止6月底', '截至M月底', false],
    ['占年度计划%', '占年度计划', true],
    ['完成率（%）', '完成率', true],
    ['县（市、区）', '县市区', false],
    ['Project name', 'projectname', false],
  ])('%j → %s', (text, key, percent) => {
    expect(headerKey(text)).toEqual({ key, percent });
  });
});

describe('scoreHeader: one header cell', () => {
  it.each<[string, Field | null]>([
    ['序号', 'index'],
    ['序號', 'index'],
    ['No.', 'index'],
    ['项目名称', 'name'],
    ['項目名稱', 'name'],
    ['Project name', 'name'],
    ['项目代码', 'code'],
    ['统一项目代码', 'code'],
    ['项目编码', 'code'],
    ['項目代碼', 'code'],
    ['县（市、区）', 'group'],
    ['縣（市、區）', 'group'],
    ['所属县区', 'group'],
    ['属地', 'group'],
    ['County', 'group'],
    ['责任单位', 'responsibleUnit'],
    ['牵头单位', 'responsibleUnit'],
    ['建设单位', 'responsibleUnit'],
    ['項目單位', 'responsibleUnit'],
    ['Responsible unit', 'responsibleUnit'],
    ['包联领导', 'leader'],
    ['挂点领导', 'leader'],
    ['责任领导', 'leader'],
    ['建设性质', 'nature'],
    ['建设规模及主要内容', 'scope'],
    ['开工时间', 'startDate'],
    ['计划开工时间', 'startDate'],
    ['Start date', 'startDate'],
    ['竣工时间', 'finishDate'],
    ['建设起止年限', 'period'],
    ['总投资', 'totalInvestment'],
    ['总投资（万元）', 'totalInvestment'],
    ['总投资               (万元)', 'totalInvestment'],
    ['计划总投资', 'totalInvestment'],
    ['總投資', 'totalInvestment'],
    ['Total investment', 'totalInvestment'],
    ['截至上年底累计完成投资', 'completedBeforeYear'],
    ['截止2021年底累计完成投资', 'completedBeforeYear'],
    ['至2021年底累计完成投资（万元）', 'completedBeforeYear'],
    ['年度计划投资', 'annualPlan'],
    ['2022年计划投资', 'annualPlan'],
    ['2010年  计划投资(万元)', 'annualPlan'],
    ['年度計劃投資', 'annualPlan'],
    ['Annual plan', 'annualPlan'],
    ['本月完成投资', 'monthCompleted'],
    ['当月完成', 'monthCompleted'],
    ['6月份完成投资', 'monthCompleted'],
    ['1-6月完成投资', 'completedYtd'],
    ['1至6月完成', 'completedYtd'],
    ['1-  月累计完成投资', 'completedYtd'],
    ['今年以来累计完成', 'completedYtd'],
    ['年度累计完成', 'completedYtd'],
    ['2022年1-N月完成投资', 'completedYtd'],
    ['截至6月底累计完成投资', 'completedYtd'],
    ['Completed YTD', 'completedYtd'],
    ['开工以来累计完成投资', 'completedSinceStart'],
    ['自开工累计完成投资', 'completedSinceStart'],
    ['投资完成率', 'reportedRate'],
    ['完成年度计划比例', 'reportedRate'],
    ['占年度计划%', 'reportedRate'],
    ['占年度计划（%）', 'reportedRate'],
    ['投資完成率', 'reportedRate'],
    ['Completion rate', 'reportedRate'],
    ['是否开工', 'status'],
    ['开工情况', 'status'],
    ['项目进展状态', 'status'],
    ['Status', 'status'],
    ['形象进度', 'progressText'],
    ['工程进展情况', 'progressText'],
    ['存在问题', 'problems'],
    ['存在的问题及建议', 'problems'],
    ['资金到位', 'fundsArrived'],
    ['到位资金', 'fundsArrived'],
    ['备注', 'remarks'],
    ['備註', 'remarks'],
    ['Remarks', 'remarks'],
    // not a field
    ['2022年', null],
    ['资金到位率', null], // a rate, never an amount
    ['合计', null],
    ['阳谷县污水处理厂', null],
  ])('%j → %s', (text, field) => {
    expect(best(text)).toBe(field);
  });
});

describe('scoreHeader: header paths', () => {
  it.each<[string[], Field]>([
    [['2022年', '计划投资'], 'annualPlan'],
    [['2022年', '计划'], 'annualPlan'],
    [['2022年', '1-6月完成'], 'completedYtd'],
    [['2022年', '完成率'], 'reportedRate'],
    [['1-6月', '完成投资'], 'completedYtd'],
    // a parent that names a field does not capture its children
    [['项目进展情况', '总投资'], 'totalInvestment'],
    [['投资情况（亿元）', '年度计划'], 'annualPlan'],
  ])('%j → %s', (levels, field) => {
    expect(best(...levels)).toBe(field);
  });

  it('lets a leaf that says nothing by itself take its parent\'s meaning', () => {
    expect(best('截至上年底累计完成', '投资')).toBe('completedBeforeYear');
    expect(best('2022年计划投资', '合计')).toBe('annualPlan');
  });

  it('scores a parent-only match low when the leaf names another field', () => {
    const [top] = scoreHeader(['项目进展情况', '总投资']);
    const parentOnly = scoreHeader(['项目进展情况', '总投资']).find((c) => c.field === 'progressText');
    expect(top.field).toBe('totalInvestment');
    expect(parentOnly!.score).toBeLessThan(scoreHeader(['项目进展情况'])[0].score);
  });

  it('ranks a plain 累计完成投资 as year-to-date first, since-start second', () => {
    const fields = scoreHeader(['累计完成投资']).map((c) => c.field);
    expect(fields.indexOf('completedYtd')).toBeLessThan(fields.indexOf('completedSinceStart'));
    expect(fields.indexOf('completedSinceStart')).toBeGreaterThanOrEqual(0);
  });

  it('puts a 其中 breakdown below the column it breaks down', () => {
    const total = scoreHeader(['年度计划投资'])[0].score;
    const part = scoreHeader(['其中：年度计划投资中央资金'])[0]?.score ?? 0;
    expect(part).toBeLessThan(total);
  });
});

describe('synonym table', () => {
  it('has synonyms for every field', () => {
    for (const f of FIELDS) expect(SYNONYMS.some((s) => s.field === f)).toBe(true);
  });

  it('reads each synonym as its own field (no synonym is shadowed by another field)', () => {
    for (const s of SYNONYMS) {
      if (s.weight < 0) continue; // weak readings are meant to lose
      const top = scoreHeader([s.text])[0];
      expect({ text: s.text, field: top?.field }).toEqual({ text: s.text, field: s.field });
    }
  });
});

describe('looksLikeHeaderCell', () => {
  it.each([
    ['项目名称', true],
    ['总投资（万元）', true],
    ['1-6月完成投资', true],
    ['2022年', false],
    ['阳谷县污水处理厂建设项目', false],
    ['已开工', false],
    ['主体结构已完成，正在进行设备安装调试，预计8月底投产', false],
  ])('%j → %s', (text, yes) => {
    expect(looksLikeHeaderCell(text)).toBe(yes);
  });
});
