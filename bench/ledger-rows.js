'use strict';
/**
 * The rows of a large, realistic key-project ledger, generated from a seed:
 * the data behind bench/generate.js (grid) and bench/xlsx-writer.js (file).
 */
const DEFAULT_SEED = 20220630;
const SHEET_NAME = '重点项目进展';
const TITLE = '2022年全市重点项目进展情况表（截至6月底）';
const UNIT_LINE = '单位：万元';
const HEADER = [
  '序号', '项目名称', '项目代码', '县（市、区）', '责任单位', '建设性质', '开工时间', '总投资',
  '截至上年底累计完成投资', '年度计划投资', '本月完成投资', '1-6月完成投资', '是否开工', '备注',
];
/** Sheet rows before the first project: title, unit line, header. */
const HEADER_ROWS = 3;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const COL = {
  index: 0, name: 1, code: 2, county: 3, unit: 4, nature: 5, start: 6, total: 7,
  before: 8, plan: 9, month: 10, ytd: 11, started: 12, remarks: 13,
};

/** Twenty counties with their GB/T 2260 style division codes. */
const COUNTIES = [
  ['东昌府区', '371502'], ['茌平区', '371503'], ['阳谷县', '371521'], ['莘县', '371522'],
  ['东阿县', '371524'], ['冠县', '371525'], ['高唐县', '371526'], ['临清市', '371581'],
  ['华龙区', '410902'], ['清丰县', '410922'], ['南乐县', '410923'], ['范县', '410926'],
  ['台前县', '410927'], ['濮阳县', '410928'], ['滑县', '410526'], ['内黄县', '410527'],
  ['长垣市', '410783'], ['封丘县', '410727'], ['原阳县', '410725'], ['延津县', '410726'],
];
const PLACES = [
  '城东', '城西', '城南', '城北', '滨河', '高新区', '经开区', '东部新区', '西湖', '北湖',
  '运河', '古城', '站前', '工业园', '物流园', '化工园', '农高区', '临港', '南关', '北关',
  '凤凰', '金堤', '黄河', '徒骇河', '马颊河', '卫河', '明珠', '文昌', '振兴', '兴华',
  '光明', '建设', '人民', '新华', '朝阳', '向阳', '太平', '长安', '中心城区', '老城区',
  '东城', '西城', '南城', '北城', '铁路东', '铁路西', '开发区', '综合保税区', '生态新区', '旅游度假区',
];
const SUBJECTS = [
  '道路改造工程', '污水处理厂提标改造项目', '标准化厂房建设项目', '棚户区改造项目', '综合管廊工程',
  '新型建材生产线项目', '冷链物流中心项目', '农产品加工园项目', '智能制造产业园项目', '医院门诊楼建设项目',
  '中学新建教学楼项目', '热电联产项目', '光伏发电项目', '风电场项目', '天然气管网工程',
  '供水管网改造工程', '雨污分流改造工程', '老旧小区改造项目', '保障性住房项目', '城市更新项目',
  '文化旅游综合体项目', '体育中心项目', '养老服务中心项目', '高标准农田建设项目', '水系连通工程',
  '河道综合治理工程', '汽车零部件项目', '新能源电池项目', '生物医药产业园项目', '食品加工项目',
  '纺织服装产业园项目', '电子信息产业园项目', '仓储物流项目', '商贸综合体项目', '数据中心项目',
  '5G基站建设项目', '充电基础设施项目', '垃圾焚烧发电项目', '固废综合利用项目', '职业教育实训基地项目',
];
const PHASES = ['', '（二期）', '（三期）', '（四期）', '（五期）', '（六期）', '（七期）', '（八期）', '（九期）', '（十期）'];
const UNITS = ['发展和改革局', '交通运输局', '住房和城乡建设局', '水利局', '工业和信息化局', '城市管理局', '教育和体育局', '卫生健康局', '城投集团有限公司', '产业投资有限公司'];
const REMARKS = ['省重点项目', '市重点项目', '新开工项目', '已纳入专项债', '用地手续办理中', '环评已批复'];
const FULL_WIDTH_ZERO = 0xff10;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

/** Excel's serial number of a civil date (1900 date system). */
function serial(year, month, day) {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
}

function fullWidth(s) {
  let out = '';
  for (const ch of s) {
    const d = ch.charCodeAt(0) - 48;
    out += d >= 0 && d <= 9 ? String.fromCharCode(FULL_WIDTH_ZERO + d) : ch === '.' ? '．' : ch;
  }
  return out;
}

/**
 * An amount as an untidy ledger holds it: mostly a number, sometimes text that
 * reads as one, a blank, `约3000` or a dash. About 3 % of amount cells are dirty.
 */
function dirtyAmount(x, rnd) {
  if (rnd() >= 0.03) return x;
  const k = rnd();
  if (k < 0.4) return String(x);
  if (k < 0.55) return fullWidth(String(x));
  if (k < 0.8) return null;
  if (k < 0.92) return `约${Math.round(x)}`;
  return '—';
}

/**
 * The rows of a ledger, each an array of 14 cells (null = blank), title first.
 * `onRow(cells, r)` is called for every sheet row so callers never need them all at once.
 * 开工时间 is an Excel serial (shown with DATE_FORMAT) or, now and then, text such as `2022.3`.
 */
function eachLedgerRow(rows, seed, onRow) {
  const rnd = prng(seed === undefined ? DEFAULT_SEED : seed);
  const titleRow = new Array(HEADER.length).fill(null);
  titleRow[0] = TITLE;
  onRow(titleRow, 0);
  const unitRow = new Array(HEADER.length).fill(null);
  unitRow[0] = UNIT_LINE;
  onRow(unitRow, 1);
  onRow(HEADER.slice(), 2);
  const perCounty = new Array(COUNTIES.length).fill(0);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  for (let i = 0; i < rows; i++) {
    const g = Math.floor(rnd() * COUNTIES.length);
    const [county, division] = COUNTIES[g];
    const k = perCounty[g]++;
    const combos = PLACES.length * SUBJECTS.length;
    // Place p = k mod 50 and subject (31j + 3p) mod 40 with j = k div 50: a bijection
    // on each block of 2000, so names never repeat within a county (up to 20,000).
    const p = k % PLACES.length;
    const j = Math.floor(k / PLACES.length);
    const subject = SUBJECTS[(31 * j + 3 * p) % SUBJECTS.length];
    const name = `${county}${PLACES[p]}${subject}${PHASES[Math.floor(k / combos) % PHASES.length]}`;
    const nature = rnd() < 0.45 ? '新建' : rnd() < 0.8 ? '续建' : rnd() < 0.5 ? '扩建' : '改建';
    const fresh = nature === '新建';
    const year = fresh ? 2022 : 2019 + Math.floor(rnd() * 3);
    const month = fresh ? 1 + Math.floor(rnd() * 9) : 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    // 投资项目统一代码: YYYY-AAAAAA-II-TT-NNNNNX, unique per county by k.
    const check = '0123456789ABCDEFGHJKLMNPQRTUWXY'[Math.floor(rnd() * 31)];
    const code = `${year}-${division}-${String(10 + Math.floor(rnd() * 80))}-0${1 + Math.floor(rnd() * 4)}-${String(k).padStart(5, '0')}${check}`;
    // Total investment log-uniform from 500 to 500,000 万元.
    const total = round2(500 * Math.pow(1000, rnd()));
    const before = fresh ? 0 : round2(total * rnd() * 0.6);
    const plan = round2(Math.max(100, (total - before) * (0.1 + rnd() * 0.4)));
    const planStartsLater = fresh && month > 6;
    const ytd = planStartsLater ? 0 : round2(plan * rnd() * 1.1);
    const thisMonth = round2(ytd * (0.1 + rnd() * 0.2));
    const started = ytd > 0 ? (rnd() < 0.98 ? '是' : '否') : rnd() < 0.9 ? '否' : '是';
    const startCell = rnd() < 0.02 ? `${year}.${month}` : serial(year, month, day);
    const cells = [
      i + 1,
      name,
      rnd() < 0.01 ? null : code,
      county,
      `${county}${pick(UNITS)}`,
      nature,
      startCell,
      dirtyAmount(total, rnd),
      dirtyAmount(before, rnd),
      dirtyAmount(plan, rnd),
      dirtyAmount(thisMonth, rnd),
      dirtyAmount(ytd, rnd),
      started,
      rnd() < 0.1 ? pick(REMARKS) : null,
    ];
    onRow(cells, i + HEADER_ROWS);
  }
}

module.exports = { eachLedgerRow, COL, HEADER, HEADER_ROWS, SHEET_NAME, DATE_FORMAT, COUNTIES, DEFAULT_SEED };
