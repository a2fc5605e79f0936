import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { load, richWorkbook, toBytes } from './helpers/fixtures';
import { ledgerPlan } from './helpers/plan';
import { entries, rawEntries, same, withParts } from './helpers/zip';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const CHART = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'台账\'!$C$3:$C$6</c:f></c:numRef></c:val></c:ser>' +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';

const CHART_DRAWING = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  '<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CUSTOM = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>阳谷县发改局</vt:lpwstr></property></Properties>';

/** The rich fixture plus a user's note, a data validation, a picture, a chart sheet's chart and custom properties. */
async function busyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await richWorkbook()) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('台账')!;
  ws.getCell('B3').note = '用户自己的批注';
  ws.getCell('F3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'H12:I14');
  wb.addWorksheet('图表');
  const bytes = await toBytes(wb);
  const parts = entries(bytes);
  const book = strFromU8(parts['xl/workbook.xml']);
  const chartSheetIdx = [...book.matchAll(/<sheet /g)].length; // 图表 is the last sheet
  const sheetPart = `xl/worksheets/sheet${chartSheetIdx}.xml`;
  const sheetXml = strFromU8(parts[sheetPart]);
  const ct = strFromU8(parts['[Content_Types].xml']).replace('</Types>',
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
  const rootRels = strFromU8(parts['_rels/.rels']).replace('</Relationships>',
    `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`);
  return withParts(bytes, {
    'xl/charts/chart1.xml': CHART,
    'xl/drawings/drawing9.xml': CHART_DRAWING,
    'xl/drawings/_rels/drawing9.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    [sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels']: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="/xl/drawings/drawing9.xml"/></Relationships>`,
    [sheetPart]: sheetXml.replace('</worksheet>', `<drawing r:id="rId1" xmlns:r="${REL}"/></worksheet>`),
    'docProps/custom.xml': CUSTOM,
    '_rels/.rels': rootRels,
    '[Content_Types].xml': ct,
  });
}

describe('applyPlans keeps what it does not own', () => {
  let original: Uint8Array;
  let patched: Uint8Array;
  beforeAll(async () => {
    original = await busyWorkbook();
    patched = applyPlans(original, readWorkbook(original), [ledgerPlan()]);
  });

  it('copies the chart, drawings, picture, custom properties and other sheets byte for byte', () => {
    const before = rawEntries(original);
    const after = rawEntries(patched);
    const changed = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    for (const must of ['xl/charts/chart1.xml', 'xl/drawings/drawing9.xml', 'docProps/custom.xml', 'xl/media/image1.png', 'xl/drawings/drawing1.xml']) {
      expect({ must, present: before.has(must) }).toEqual({ must, present: true });
    }
    for (const [name, e] of before) {
      if (changed.has(name)) continue;
      expect({ name, same: same(after.get(name)!.raw, e.raw) }).toEqual({ name, same: true });
    }
  });

  it('merges its notes into the existing comments part and keeps the user\'s note', async () => {
    const ws = (await load(patched)).getWorksheet('台账')!;
    const text = (a: string): string => {
      const n = ws.getCell(a).note as unknown;
      return typeof n === 'string' ? n : (n as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
    };
    expect(text('B3')).toBe('用户自己的批注');
    expect(text('C3')).toBe('累计完成超过总投资\n单位可疑');
    const vml = strFromU8(entries(patched)['xl/drawings/vmlDrawing1.vml']);
    // One shape for the user's note and one per noted cell of the plan (C3, D4, G9, A6).
    expect(vml.match(/<v:shape /g)).toHaveLength(5);
    const ids = [...vml.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the data validation, the picture anchor and the user\'s defined name', async () => {
    const wb = await load(patched);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('F3').dataValidation).toEqual({ type: 'list', allowBlank: true, formulae: ['"是,否"'] });
    expect(ws.getImages()).toHaveLength(1);
    expect(wb.definedNames.getRanges('Total').ranges).toEqual(["'台账'!$C$3"]);
    const sheet = strFromU8(entries(patched)['xl/worksheets/sheet1.xml']);
    // Schema order: conditionalFormatting before dataValidations, drawing before legacyDrawing.
    const at = (tag: string): number => sheet.indexOf(`<${tag}`);
    expect(at('conditionalFormatting')).toBeGreaterThan(at('mergeCells'));
    expect(at('conditionalFormatting')).toBeLessThan(at('dataValidations'));
    expect(at('drawing ')).toBeLessThan(at('legacyDrawing'));
  });

  it('is idempotent on the busy workbook too', () => {
    expect(same(applyPlans(patched, null, [ledgerPlan()]), patched)).toBe(true);
  });

  it('takes only its own notes away when a later plan has none', async () => {
    const again = applyPlans(patched, null, [ledgerPlan({ marks: [] })]);
    const ws = (await load(again)).getWorksheet('台账')!;
    expect(ws.getCell('B3').note).toBeDefined();
    expect(ws.getCell('C3').note).toBeUndefined();
    const vml = strFromU8(entries(again)['xl/drawings/vmlDrawing1.vml']);
    expect(vml.match(/<v:shape /g)).toHaveLength(1);
    // Back to the user's own comments part, byte for byte.
    expect(same(entries(again)['xl/comments1.xml'], entries(original)['xl/comments1.xml'])).toBe(true);
  });
});
