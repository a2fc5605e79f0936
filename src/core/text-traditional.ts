/**
 * Traditional characters to simplified, for the vocabulary of ledger headers and
 * statuses. text.ts re-exports what other modules use.
 */

/**
 * Traditional → simplified for the vocabulary of ledger headers and statuses, as
 * pairs (traditional then simplified). Not a converter for prose: only characters
 * whose simplified form is unambiguous in this domain.
 */
const TRAD_SIMP_PAIRS =
  '項项號号稱称碼码縣县區区屬属單单責责領领導导設设規规現现計计劃划總总資资開开時时間间況况進进態态狀状' +
  '問问題题備备註注額额億亿萬万報报聯联實实際际當当來来將将續续擴扩統统編编類类別别業业產产場场園园內内' +
  '質质務务運运營营組组織织負负繫系係系電电話话機机構构門门關关層层級级點点轄辖鄉乡鎮镇辦办處处戶户衛卫' +
  '華华達达標标準准並并與与為为於于從从後后個个們们這这過过還还對对應应據据數数週周佔占餘余滯滞嚴严緩缓' +
  '預预績绩評评價价審审環环證证徵征遷迁補补償偿調调變变撥拨專专債债銀银貸贷籌筹歸归農农鐵铁軌轨橋桥樑梁' +
  '頭头廠厂樓楼館馆醫医學学養养綠绿氣气熱热網网訊讯線线車车輛辆製制裝装藥药術术廢废棄弃汙污淨净輸输儲储' +
  '倉仓貿贸協协議议簽签約约談谈見见東东陽阳濟济寧宁廣广興兴豐丰臨临陰阴漢汉蘇苏龍龙雲云貴贵灣湾暫暂終终' +
  '啟启啓启動动舉举種种頁页張张條条檔档屆届記记錄录說说釋释幣币圓圆幾几兩两強强掛挂絡络員员長长書书轉转' +
  '讓让輪轮換换勢势圖图結结測测驗验帳账臺台齊齐體体積积極极滿满陳陈舊旧廳厅擬拟檢检覈核確确認认範范圍围' +
  '畫画歲岁雙双擔担軟软塊块節节築筑優优險险災灾鋼钢礦矿風风噸吨畝亩佈布邊边歷历創创綜综緊紧輕轻團团穩稳' +
  '觀观衝冲擊击難难亂乱稅税費费貨货匯汇彙汇盤盘錢钱銷销購购賣卖買买參参陸陆發发礎础麗丽鄭郑魯鲁蓋盖裡里' +
  '裏里採采礙碍會会頒颁視视訂订無无異异順顺復复複复試试選选許许簡简頂顶紅红黃黄燈灯勝胜敗败漲涨鄰邻' +
  '廈厦濱滨灘滩湧涌沖冲閘闸壩坝縮缩';

const TRAD_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < TRAD_SIMP_PAIRS.length; i += 2) {
    const t = TRAD_SIMP_PAIRS[i];
    const s = TRAD_SIMP_PAIRS[i + 1];
    if (t !== s) m.set(t, s);
  }
  return m;
})();

// The same as a table over the CJK blocks (all the known characters lie there), so a
// character is looked up by its code without making a one-character string.
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;
const TRAD_CODES: Uint16Array = (() => {
  const t = new Uint16Array(CJK_LAST - CJK_FIRST + 1);
  for (const [trad, simp] of TRAD_MAP) t[trad.charCodeAt(0) - CJK_FIRST] = simp.charCodeAt(0);
  return t;
})();

/** The simplified form of a traditional character's code, or 0. */
export function simplifiedCode(code: number): number {
  return code >= CJK_FIRST && code <= CJK_LAST ? TRAD_CODES[code - CJK_FIRST] : 0;
}

/** The traditional characters this module knows (for tests and the text-noise rule). */
export function knownTraditional(): ReadonlyMap<string, string> {
  return TRAD_MAP;
}

// `計畫` (Taiwan) is `计划` once simplified.
export const PLAN_HUA = /(计|规)画/g;

/** Maps the known traditional characters to simplified; `計畫` (Taiwan) becomes `计划`. */
export function toSimplified(s: string): string {
  let i = 0;
  while (i < s.length && simplifiedCode(s.charCodeAt(i)) === 0) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  let from = i;
  for (; i < s.length; i++) {
    const mapped = simplifiedCode(s.charCodeAt(i));
    if (mapped === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(mapped);
    from = i + 1;
  }
  out += s.slice(from);
  return out.includes('画') ? out.replace(PLAN_HUA, '$1划') : out;
}
