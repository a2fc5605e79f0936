/** A large ledger-like workbook (rows × 14 columns), generated directly as XML for speed. */
import { colLetter } from '../../../src/core/grid';
import type { PlanCell, WritePlan } from '../../../src/core/types';
import { craftWorkbook } from './craft';

export function bigWorkbook(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const head = ['序号', '县区', '项目名称', '项目代码', '建设性质', '总投资', '年度计划投资', '1-6月完成投资', '完成率', '开工时间', '竣工时间', '是否开工', '形象进度', '备注'];
  const out: string[] = [`<row r="1">${head.map((h, c) => `<c r="${colLetter(c)}1" t="s"><v>${sst(h)}</v></c>`).join('')}</row>`];
  for (let i = 1; i <= rows; i++) {
    const r = i + 1;
    const s = (c: number, text: string): string => `<c r="${colLetter(c)}${r}" t="s"><v>${sst(text)}</v></c>`;
    const n = (c: number, v: number, st = 0): string => `<c r="${colLetter(c)}${r}"${st ? ` s="${st}"` : ''}><v>${v}</v></c>`;
    out.push(`<row r="${r}" spans="1:14">${n(0, i)}${s(1, `县${i % 12}`)}${s(2, `项目名称很长的一个项目${i}`)}${s(3, `2021-371521-48-01-${100000 + i}`)}` +
      `${s(4, i % 3 ? '续建' : '新建')}${n(5, 10000 + i * 1.5, 1)}${n(6, 3000 + (i % 500), 1)}${n(7, 1500.25 + (i % 700), 1)}` +
      `<c r="I${r}" s="2"><f>H${r}/G${r}</f><v>${(1500.25 + (i % 700)) / (3000 + (i % 500))}</v></c>` +
      `${n(9, 44197 + (i % 365), 3)}${n(10, 44927 + (i % 365), 3)}${s(11, '是')}${s(12, `主体施工${i % 50}`)}${i % 7 ? '' : s(13, `备注${i}`)}</row>`);
  }
  return craftWorkbook({
    sheets: [{ name: '台账', rows: out.join('') }],
    sharedStrings: strings,
    numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>',
    cellXfs: '<xf numFmtId="0"/><xf numFmtId="4" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>',
  });
}

/** Five computed columns (O-S) on every project row, as the plan builder writes them. */
export function bigPlan(rows: number): WritePlan {
  const cells: PlanCell[] = ['完成率', '差距', '状态', '县内排名', '排名'].map((h, i) => ({ r: 0, c: 14 + i, value: h, bold: true }));
  for (let r = 1; r <= rows; r++) {
    const x = r + 1;
    cells.push(
      { r, c: 14, value: 0.5, formula: `IFERROR(H${x}/G${x},"")`, numFmt: '0.0%' },
      { r, c: 15, value: 0, formula: `(O${x}-LC_TP)*100`, numFmt: '0.0' },
      { r, c: 16, value: '正常', formula: `IF(P${x}<0,"滞后","正常")` },
      { r, c: 17, value: 1, formula: `COUNTIFS(B:B,B${x},O:O,">"&O${x})+1` },
      { r, c: 18, value: 1, formula: `_xlfn.RANK.EQ(O${x},O:O)` },
    );
  }
  return {
    sheet: '台账', ownColumns: [14, 15, 16, 17, 18], headerRow: 0, cells,
    names: [{ name: 'LC_TP', sheet: '汇总', r: 1, c: 1 }],
    conditionalFormats: [{ r0: 1, c0: 0, r1: rows, c1: 18, formula: '$Q2="滞后"', fill: 'red' }],
    marks: [{ r: 5, c: 6, severity: 'error', note: '计划超过总投资' }],
    sheets: [{ name: '汇总', cells: [{ r: 1, c: 1, value: 0.5, numFmt: '0.0%' }] }],
  };
}
