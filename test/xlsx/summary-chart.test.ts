/**
 * The 汇总 sheet's native chart: a bar per group (by rank) of completion rate beside time
 * progress, read from the 汇总 cells so it follows the formulas; checking again replaces
 * the tool's chart and never touches a chart of the user's. LibreOffice opens it.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { findSoffice, requireSoffice } from '../helpers/libreoffice';
import { entries, withParts } from './helpers/zip';

const FIXTURE = path.resolve(__dirname, '../fixtures/xlsx/city-county-column.xlsx');
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-08' };
const original = new Uint8Array(fs.readFileSync(FIXTURE));
const checked = checkWorkbook(original, SETTINGS);
const out = checked.output!;
const parts = entries(out);
const text = (name: string) => strFromU8(parts[name]);
const sheet = checked.sheets[0];

/** The part names of the package matching a pattern. */
const named = (p: Uint8Array, re: RegExp) => Object.keys(entries(p)).filter((k) => re.test(k)).sort();

describe('the chart of the 汇总 sheet', () => {
  it('is one chart in one drawing, tied to the 汇总 sheet by its relationships and content types', () => {
    expect(named(out, /^xl\/(charts|drawings)\/[^/]+\.xml$/)).toEqual(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']);
    const book = text('xl/workbook.xml');
    const rels = text('xl/_rels/workbook.xml.rels');
    const relId = /<sheet name="汇总"[^>]*r:id="([^"]+)"/.exec(book)![1];
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const summaryPart = `xl/${target}`;
    expect(text(summaryPart)).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(text(summaryPart.replace('worksheets/', 'worksheets/_rels/') + '.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(text('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    const types = text('[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
  });

  it('reads the groups, best rank first, from 汇总 column B, the rates from I and time progress from N', () => {
    const chart = text('xl/charts/chart1.xml');
    const n = sheet.groups.length;
    // The group rows start under the header row 8 of 汇总: rows 9 … 8 + n.
    const refs = [...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]);
    expect(refs).toEqual([`'汇总'!$B$9:$B$${8 + n}`, `'汇总'!$I$9:$I$${8 + n}`, `'汇总'!$B$9:$B$${8 + n}`, `'汇总'!$N$9:$N$${8 + n}`]);
    const ranked = [...sheet.groups].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    const caches = [...chart.matchAll(/<c:(?:str|num)Cache>(.*?)<\/c:(?:str|num)Cache>/g)].map((m) =>
      [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1]));
    expect(caches[0]).toEqual(ranked.map((g) => g.name));
    expect(caches[1].map(Number)).toEqual(ranked.map((g) => g.completionRate));
    expect(caches[3].map(Number)).toEqual(ranked.map(() => sheet.timeProgress));
    // The first category on top, the value axis below it.
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain('<c:orientation val="maxMin"/>');
    expect(chart).toContain(`<a:t>${sheet.sheet}：各组完成率与时间进度</a:t>`);
  });

  it('is replaced, not added to, when the copy is checked again', () => {
    const again = checkWorkbook(out, SETTINGS).output!;
    expect(named(again, /^xl\/(charts|drawings)\//)).toEqual(named(out, /^xl\/(charts|drawings)\//));
    expect(strFromU8(entries(again)['xl/charts/chart1.xml'])).toBe(text('xl/charts/chart1.xml'));
  });

  it('leaves a chart of the user\'s as it is and draws its own beside it', () => {
    // The user's own chart on the ledger sheet: a drawing and a chart part of theirs.
    const input = entries(original);
    const userChart = text('xl/charts/chart1.xml').replace(/<a:t>[^<]*<\/a:t>/, '<a:t>我的图表</a:t>');
    const userDrawing = text('xl/drawings/drawing1.xml').replace('LC Chart 1', '我的图表');
    const ledgerPart = 'xl/worksheets/sheet1.xml';
    expect(input['xl/worksheets/_rels/sheet1.xml.rels']).toBeUndefined();
    const ledgerXml = strFromU8(input[ledgerPart]).replace('</worksheet>', '<drawing r:id="rIdUser"/></worksheet>');
    const types = strFromU8(input['[Content_Types].xml']).replace('</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>');
    const withUser = withParts(original, {
      [ledgerPart]: ledgerXml.includes('xmlns:r=') ? ledgerXml : ledgerXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '),
      'xl/worksheets/_rels/sheet1.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rIdUser" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
      'xl/drawings/drawing1.xml': userDrawing,
      'xl/drawings/_rels/drawing1.xml.rels': text('xl/drawings/_rels/drawing1.xml.rels'),
      'xl/charts/chart1.xml': userChart,
      '[Content_Types].xml': types,
    });
    const first = checkWorkbook(withUser, SETTINGS).output!;
    const second = checkWorkbook(first, SETTINGS).output!;
    for (const p of [first, second]) {
      const e = entries(p);
      // The user's parts byte for byte; the tool's chart in the next free names.
      expect(strFromU8(e['xl/charts/chart1.xml'])).toBe(userChart);
      expect(strFromU8(e['xl/drawings/drawing1.xml'])).toBe(userDrawing);
      expect(named(p, /^xl\/charts\/[^/]+\.xml$/)).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
      expect(strFromU8(e['xl/charts/chart2.xml'])).toContain('各组完成率与时间进度');
      expect(strFromU8(e['xl/worksheets/sheet1.xml'])).toContain('<drawing r:id="rIdUser"/>');
    }
  });

  it('opens in exceljs with the workbook\'s sheets and figures', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['重点项目进展', '汇总', '问题清单']);
    expect(wb.getWorksheet('汇总')!.getCell('N9').value).toMatchObject({ formula: 'LC_TimeProgress' });
  });
});

const soffice = requireSoffice('the 汇总 chart in LibreOffice (test/xlsx/summary-chart.test.ts)');
(soffice ? describe : describe.skip)('the chart in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-chart-lo-'));
    fs.writeFileSync(path.join(dir, 'checked.xlsx'), out);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const convert = (format: string) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-lo-profile-'));
    const r = spawnSync(findSoffice()!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, path.join(dir, 'checked.xlsx')],
      { encoding: 'utf8', timeout: 180000 });
    fs.rmSync(profile, { recursive: true, force: true });
    expect(r.status).toBe(0);
    return path.join(dir, `checked.${format}`);
  };

  it('imports it as a bar chart over the 汇总 ranges, with its title and series names', () => {
    const ods = unzipSync(new Uint8Array(fs.readFileSync(convert('ods'))));
    const objects = Object.keys(ods).filter((k) => /^Object \d+\/content\.xml$/.test(k));
    expect(objects).toHaveLength(1);
    const chart = strFromU8(ods[objects[0]]);
    expect(chart).toContain('chart:class="chart:bar"');
    const n = sheet.groups.length;
    expect(chart).toContain(`cell-range-address="汇总.B9:汇总.B${8 + n}"`);
    expect(chart).toContain(`cell-range-address="汇总.I9:汇总.I${8 + n}"`);
    expect(chart).toContain(`cell-range-address="汇总.N9:汇总.N${8 + n}"`);
    for (const t of [`${sheet.sheet}：各组完成率与时间进度`, '完成率', '时间进度']) expect(chart).toContain(`<text:p>${t}</text:p>`);
  }, 200000);

  it('prints it to PDF without error', () => {
    const pdf = fs.readFileSync(convert('pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10000);
  }, 200000);
});
