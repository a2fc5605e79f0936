/**
 * A tool sheet's native charts as new parts: the chart (DrawingML chart, a clustered bar
 * chart read from the sheet's cells, with the values cached so a reader that does not
 * recalculate still draws it) and the drawing that anchors it over the cells.
 */
import { colLetter } from '../../core/grid';
import type { PlanChart, PlanSeriesRange } from '../../core/types';
import { NS_REL } from '../package';
import { escapeAttr, escapeText } from '../xml';

export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** `'汇总'!$B$9:$B$12`: a column range of the tool sheet, quoted as any sheet name may need. */
function rangeRef(sheet: string, r: PlanSeriesRange): string {
  const col = colLetter(r.c);
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${r.r0 + 1}:$${col}$${r.r1 + 1}`;
}

function strCache(values: readonly (string | number | null)[]): string {
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly (string | number | null)[], numFmt: string): string {
  const pts = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${escapeText(numFmt)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : '';
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}"${b}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich>`;
}

/**
 * The chart part: bars across, the first category on top (the category axis runs from
 * max to min, the value axis crosses at its far end so it stays below), values labelled on
 * the first series, a legend below.
 */
export function chartXml(sheet: string, chart: PlanChart): string {
  const cat = `<c:cat><c:strRef><c:f>${escapeText(rangeRef(sheet, chart.categories))}</c:f>${strCache(chart.categories.values)}</c:strRef></c:cat>`;
  const series = chart.series.map((s, i) => {
    const labels = i === 0
      ? `<c:dLbls><c:numFmt formatCode="${escapeAttr(s.numFmt)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
      : '';
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${escapeAttr(s.color)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}${cat}` +
      `<c:val><c:numRef><c:f>${escapeText(rangeRef(sheet, s))}</c:f>${numCache(s.values, s.numFmt)}</c:numRef></c:val></c:ser>`;
  }).join('');
  return HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart><c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    '<c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    '<c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>';
}

/** The drawing part: one anchored frame per chart, `relIds[i]` naming chart i in the drawing's relationships. */
export function drawingXml(charts: readonly PlanChart[], relIds: readonly string[]): string {
  const anchors = charts.map((ch, i) =>
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${ch.from.c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ch.from.r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${ch.to.c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ch.to.r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`LC Chart ${i + 1}`)}" descr="${escapeAttr(ch.title)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${escapeAttr(relIds[i])}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>').join('');
  return `${HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">${anchors}</xdr:wsDr>`;
}
