/** The summary's chart geometry (views/chart.ts), worked out by hand: plot 320 − 88 − 48 = 184 units wide. */
import type { GroupFigures, ProjectReport } from '../../src/core/types';
import { gapChart, MAX_GAP_BARS, rateChart } from '../../src/taskpane/views/chart';

const group = (name: string, completionRate: number | null, rank: number | null) => ({ name, completionRate, rank }) as GroupFigures;
const project = (name: string, gapPp: number | null) => ({ name, gapPp }) as ProjectReport;

describe('rateChart', () => {
  it('sorts by rank, scales to 100% and marks time progress', () => {
    const m = rateChart([group('冠县', 0.1875, 2), group('阳谷县', 0.5417, 1), group('莘县', null, null)], 0.5, '时间进度 50.0%');
    expect(m.bars.map((b) => [b.label, b.text, b.tone])).toEqual([
      ['阳谷县', '54.2%', 'ahead'], ['冠县', '18.8%', 'behind'], ['莘县', '—', 'none'],
    ]);
    // 0.5417 × 184 = 99.67; 0.1875 × 184 = 34.5; the line at 88 + 0.5 × 184 = 180.
    expect(m.bars[0].width).toBeCloseTo(99.6728, 4);
    expect(m.bars[1].width).toBeCloseTo(34.5, 9);
    expect(m.bars[2].width).toBe(0);
    expect(m.markX).toBe(180);
    // Rows 22 apart below a 22-unit top margin for the line's caption.
    expect(m.bars.map((b) => b.y)).toEqual([22, 44, 66]);
    expect(m.height).toBe(88);
  });

  it('a rate above 100% stretches the scale to it', () => {
    const m = rateChart([group('a', 1.25, 1), group('b', 0.5, 2)], 0.5, '');
    // Scale 184 / 1.25: a fills the plot, b is 0.5 / 1.25 of it, the line at 88 + 0.4 × 184.
    expect(m.bars[0].width).toBeCloseTo(184, 9);
    expect(m.bars[1].width).toBeCloseTo(73.6, 9);
    expect(m.markX).toBeCloseTo(161.6, 9);
  });
});

describe('gapChart', () => {
  it('draws the projects behind, worst first, growing left from the zero line', () => {
    const points = (g: number | null) => (g === null ? '—' : g.toFixed(1));
    const m = gapChart([project('p1', -8), project('p2', null), project('p3', -13), project('p4', -2)], '时间进度', points);
    expect(m.bars.map((b) => [b.label, b.text])).toEqual([['p3', '-13.0'], ['p1', '-8.0'], ['p4', '-2.0']]);
    // The worst (13 points) fills the plot: zero at 88 + 184 = 272; p1 is 8 / 13 of 184 = 113.23.
    expect(m.markX).toBe(272);
    expect(m.bars[0]).toMatchObject({ x: 88, width: 184 });
    expect(m.bars[1].width).toBeCloseTo((8 / 13) * 184, 9);
    expect(m.bars[1].x + m.bars[1].width).toBeCloseTo(272, 9);
  });

  it(`draws ${MAX_GAP_BARS} bars at most`, () => {
    const many = Array.from({ length: 25 }, (_, i) => project(`p${i}`, -(i + 1)));
    const m = gapChart(many, '', String);
    expect(m.bars).toHaveLength(MAX_GAP_BARS);
    expect(m.bars[0].label).toBe('p24');
  });
});
