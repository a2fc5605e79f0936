/** Conditional formats of the fake (ExcelApi 1.6): custom rules with fill, font and borders. */
import { intersect } from './a1';
import type { FakeContext } from './context';
import { FakeCollection, FakeProxy } from './proxy';
import { FakeOfficeError, itemNotFound } from './errors';
import type { FakeCF, FakeSheet } from './model';
import type { AreasTarget } from './range';

interface CFTarget {
  sheet: FakeSheet;
  cf: FakeCF;
}

export class ConditionalFormatCollectionProxy extends FakeCollection<CFTarget, ConditionalFormatProxy> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget) {
    super(context);
  }

  protected find(): CFTarget[] {
    this.context.require(6, 'ConditionalFormatCollection');
    const { sheet, areas } = this.locate();
    return sheet.cfs.filter((cf) => cf.areas.some((a) => areas.some((b) => intersect(a, b)))).map((cf) => ({ sheet, cf }));
  }

  protected identity(m: CFTarget): unknown {
    return m.cf.id;
  }

  protected makeItem(m: CFTarget): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, m.sheet, m.cf.id);
  }

  protected itemDefaults(): string[] {
    return ['type', 'priority', 'stopIfTrue'];
  }

  add(type: string): ConditionalFormatProxy {
    let made: { sheet: FakeSheet; id: number } | null = null;
    this.context.enqueue(0, () => {
      this.context.require(6, 'ConditionalFormatCollection.add');
      const { sheet, areas } = this.locate();
      const cf: FakeCF = { id: this.context.wb.nextNumber(), type, areas: areas.map((a) => ({ ...a })), borders: {} };
      sheet.cfs.push(cf);
      made = { sheet, id: cf.id };
    });
    return new ConditionalFormatProxy(this.context, () => {
      if (!made) throw new FakeOfficeError('InvalidObjectPath', 'The conditional format was not created.');
      return made;
    });
  }
}

export class ConditionalFormatProxy extends FakeProxy<CFTarget> {
  private readonly where: () => { sheet: FakeSheet; id: number };

  constructor(context: FakeContext, sheetOrWhere: FakeSheet | (() => { sheet: FakeSheet; id: number }), id = 0) {
    super(context);
    this.where = typeof sheetOrWhere === 'function' ? sheetOrWhere : () => ({ sheet: sheetOrWhere, id });
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): CFTarget {
    const { sheet, id } = this.where();
    const cf = sheet.cfs.find((x) => x.id === id);
    if (!cf) throw itemNotFound('conditional format');
    return { sheet, cf };
  }

  protected defaults(): string[] {
    return ['type', 'priority', 'stopIfTrue'];
  }

  protected scalar(prop: string, { sheet, cf }: CFTarget): unknown {
    switch (prop) {
      case 'type': return cf.type;
      case 'priority': return sheet.cfs.indexOf(cf);
      case 'stopIfTrue': return false;
      case 'id': return String(cf.id);
      default: return this.unknown(prop);
    }
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'custom') return this.custom;
    if (prop === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }

  get type(): string { return this.read('type'); }
  get priority(): number { return this.read('priority'); }
  set priority(p: number) {
    this.write(p, ({ sheet, cf }) => {
      sheet.cfs.splice(sheet.cfs.indexOf(cf), 1);
      sheet.cfs.splice(Math.max(0, Math.min(p, sheet.cfs.length)), 0, cf);
    });
  }

  get custom(): CustomCFProxy {
    return this.kid('custom', () => new CustomCFProxy(this.context, () => {
      const t = this.find();
      if (t.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'The conditional format is not a custom one.');
      return t;
    }));
  }

  get customOrNullObject(): CustomCFProxy {
    return this.kid('customOrNull', () => new CustomCFProxy(this.context, () => {
      const t = this.find();
      return t.cf.type === 'Custom' ? t : null;
    }, true));
  }

  delete(): void {
    this.call({}, ({ sheet, cf }) => {
      sheet.cfs = sheet.cfs.filter((x) => x !== cf);
    });
  }
}

/** Custom rule, its rule and format, with the parts of the format the tool uses. */
export class CustomCFProxy extends FakeProxy<CFTarget> {
  constructor(context: FakeContext, private readonly locate: () => CFTarget | null, orNull = false) {
    super(context, orNull);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): CFTarget | null {
    return this.locate();
  }

  protected defaults(): string[] {
    return [];
  }

  protected scalar(prop: string): unknown {
    return this.unknown(prop);
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'rule') return this.rule;
    if (prop === 'format') return this.format;
    return undefined;
  }

  get rule(): CFPartProxy {
    return this.kid('rule', () => new CFPartProxy(this.context, () => this.need(), 'rule'));
  }

  get format(): CFFormatProxy {
    return this.kid('format', () => new CFFormatProxy(this.context, () => this.need()));
  }
}

export class CFFormatProxy extends FakeProxy<CFTarget> {
  constructor(context: FakeContext, private readonly locate: () => CFTarget) {
    super(context);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): CFTarget {
    return this.locate();
  }

  protected defaults(): string[] {
    return [];
  }

  protected scalar(prop: string): unknown {
    return this.unknown(prop);
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'fill') return this.fill;
    if (prop === 'font') return this.font;
    return undefined;
  }

  get fill(): CFPartProxy {
    return this.kid('fill', () => new CFPartProxy(this.context, () => this.need(), 'fill'));
  }

  get font(): CFPartProxy {
    return this.kid('font', () => new CFPartProxy(this.context, () => this.need(), 'font'));
  }

  get borders(): { getItem(index: string): CFPartProxy } {
    return {
      getItem: (index: string) => {
        this.context.touch();
        return new CFPartProxy(this.context, () => this.need(), 'border', index);
      },
    };
  }
}

/** The leaves: rule.formula, fill.color, font.color, a border's style and color. */
export class CFPartProxy extends FakeProxy<CFTarget> {
  constructor(
    context: FakeContext,
    private readonly locate: () => CFTarget,
    private readonly part: 'rule' | 'fill' | 'font' | 'border',
    private readonly side = '',
  ) {
    super(context);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): CFTarget {
    return this.locate();
  }

  protected defaults(): string[] {
    return this.part === 'rule' ? ['formula'] : ['color'];
  }

  protected scalar(prop: string, { cf }: CFTarget): unknown {
    if (this.part === 'rule' && prop === 'formula') return cf.formula ?? '';
    if (this.part === 'fill' && prop === 'color') return cf.fill ?? null;
    if (this.part === 'font' && prop === 'color') return cf.fontColor ?? null;
    if (this.part === 'border' && (prop === 'color' || prop === 'style')) return cf.borders[this.side]?.[prop] ?? null;
    return this.unknown(prop);
  }

  get formula(): string { return this.read('formula'); }
  set formula(f: string) {
    this.write(f, ({ cf }) => {
      if (this.part !== 'rule') this.unknown('formula');
      if (!f.startsWith('=')) throw new FakeOfficeError('InvalidArgument', 'A conditional format formula starts with =.');
      cf.formula = f;
    });
  }

  get color(): string { return this.read('color'); }
  set color(v: string) {
    this.write(v, ({ cf }) => {
      if (this.part === 'fill') cf.fill = v;
      else if (this.part === 'font') cf.fontColor = v;
      else if (this.part === 'border') cf.borders[this.side] = { ...cf.borders[this.side], color: v };
      else this.unknown('color');
    });
  }

  get style(): string { return this.read('style'); }
  set style(v: string) {
    this.write(v, ({ cf }) => {
      if (this.part !== 'border') this.unknown('style');
      cf.borders[this.side] = { ...cf.borders[this.side], style: v };
    });
  }
}
