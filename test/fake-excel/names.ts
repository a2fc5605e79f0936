/** Defined names and the workbook's setting collection (ExcelApi 1.4) of the fake. */
import { quoteSheet, rectA1, type Rect } from './a1';
import type { FakeContext } from './context';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import type { FakeName } from './model';
import { FakeCollection, FakeProxy } from './proxy';
import type { RangeProxy } from './range';

function absA1(r: Rect): string {
  return rectA1(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

export class NamedItemCollectionProxy extends FakeCollection<FakeName, NamedItemProxy> {
  protected find(): FakeName[] {
    return this.context.wb.names;
  }

  protected identity(m: FakeName): unknown {
    return m.name.toLowerCase();
  }

  protected makeItem(m: FakeName): NamedItemProxy {
    return new NamedItemProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['name', 'formula', 'type', 'visible'];
  }

  private lookup(name: string): FakeName | null {
    return this.context.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  add(name: string, reference: RangeProxy | string, _comment?: string): NamedItemProxy {
    this.context.enqueue(JSON.stringify(name).length + (typeof reference === 'string' ? reference.length : 0), () => {
      if (!/^[A-Za-z_\\\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
        throw invalidArgument(`name ${name}`);
      }
      if (this.lookup(name)) throw new FakeOfficeError('ItemAlreadyExists', `The name ${name} exists.`);
      let formula: string;
      if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
      else {
        const t = reference.need();
        formula = `=${quoteSheet(t.sheet.name)}!${absA1(t.rect)}`;
      }
      this.context.wb.names.push({ name, formula });
    });
    return this.getItem(name);
  }

  getItem(name: string): NamedItemProxy {
    this.context.touch();
    return new NamedItemProxy(this.context, () => {
      const n = this.lookup(name);
      if (!n) throw itemNotFound(`name ${name}`);
      return n;
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.lookup(name), true);
  }
}

export class NamedItemProxy extends FakeProxy<FakeName> {
  constructor(context: FakeContext, private readonly locate: () => FakeName | null, orNull = false) {
    super(context, orNull);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): FakeName | null {
    const n = this.locate();
    if (n && !this.context.wb.names.includes(n)) throw itemNotFound('name (deleted)');
    return n;
  }

  protected defaults(): string[] {
    return ['name', 'formula', 'type', 'visible'];
  }

  protected scalar(prop: string, n: FakeName): unknown {
    switch (prop) {
      case 'name': return n.name;
      case 'formula': return n.formula;
      case 'type': return n.formula.includes('#REF!') ? 'Error' : 'Range';
      case 'visible': return true;
      default: return this.unknown(prop);
    }
  }

  get name(): string { return this.read('name'); }
  get formula(): string { return this.read('formula'); }
  get type(): string { return this.read('type'); }

  delete(): void {
    this.call({}, (n) => {
      const wb = this.context.wb;
      wb.names = wb.names.filter((x) => x !== n);
    });
  }
}

interface SettingTarget {
  key: string;
}

export class SettingCollectionProxy extends FakeCollection<SettingTarget, SettingProxy> {
  protected find(): SettingTarget[] {
    this.context.require(4, 'SettingCollection');
    return [...this.context.wb.settings.keys()].map((key) => ({ key }));
  }

  protected identity(m: SettingTarget): unknown {
    return m.key;
  }

  protected makeItem(m: SettingTarget): SettingProxy {
    return new SettingProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['key', 'value'];
  }

  add(key: string, value: unknown): SettingProxy {
    this.context.enqueue(JSON.stringify([key, value]).length, () => {
      this.context.require(4, 'SettingCollection.add');
      this.context.wb.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return this.getItemOrNullObject(key);
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => {
      this.context.require(4, 'SettingCollection');
      return this.context.wb.settings.has(key) ? { key } : null;
    }, true);
  }
}

export class SettingProxy extends FakeProxy<SettingTarget> {
  constructor(context: FakeContext, private readonly locate: () => SettingTarget | null, orNull = false) {
    super(context, orNull);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): SettingTarget | null {
    return this.locate();
  }

  protected defaults(): string[] {
    return ['key', 'value'];
  }

  protected scalar(prop: string, { key }: SettingTarget): unknown {
    if (prop === 'key') return key;
    if (prop === 'value') return this.context.wb.settings.get(key);
    return this.unknown(prop);
  }

  get key(): string { return this.read('key'); }
  get value(): unknown { return this.read('value'); }

  delete(): void {
    this.call({}, ({ key }) => this.context.wb.settings.delete(key));
  }
}
