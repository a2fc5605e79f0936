/** RangeAreas (ExcelApi 1.9) of the fake: merged areas, visible cells, formula cells, getRanges. */
import { addressOf, cellCount, rectA1 } from './a1';
import { ConditionalFormatCollectionProxy } from './cf';
import type { FakeContext } from './context';
import { RangeFormatProxy } from './format';
import { FakeCollection, FakeProxy } from './proxy';
import { RangeProxy, type AreasTarget, type RangeTarget } from './range';

export class RangeAreasProxy extends FakeProxy<AreasTarget> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget | null, orNull = false) {
    super(context, orNull);
  }

  protected find(): AreasTarget | null {
    return this.locate();
  }

  protected defaults(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }

  protected scalar(prop: string, { sheet, areas }: AreasTarget): unknown {
    switch (prop) {
      case 'address': return areas.map((a) => addressOf(sheet.name, a)).join(',');
      case 'areaCount': return areas.length;
      case 'cellCount': return areas.reduce((s, a) => s + cellCount(a), 0);
      default: return this.unknown(prop);
    }
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'areas') return this.areas;
    if (prop === 'conditionalFormats') return this.conditionalFormats;
    if (prop === 'format') return this.format;
    return undefined;
  }

  get address(): string { return this.read('address'); }
  get areaCount(): number { return this.read('areaCount'); }
  get cellCount(): number { return this.read('cellCount'); }

  get areas(): RangeCollectionProxy {
    return this.kid('areas', () => new RangeCollectionProxy(this.context, () => this.need()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.kid('cf', () => new ConditionalFormatCollectionProxy(this.context, () => {
      this.context.require(9, 'RangeAreas.conditionalFormats');
      return this.need();
    }));
  }

  get format(): RangeFormatProxy {
    return this.kid('format', () => new RangeFormatProxy(this.context, () => this.need()));
  }
}

export class RangeCollectionProxy extends FakeCollection<RangeTarget, RangeProxy> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget) {
    super(context);
  }

  protected find(): RangeTarget[] {
    const { sheet, areas } = this.locate();
    return areas.map((rect) => ({ sheet, rect }));
  }

  protected identity(m: RangeTarget): unknown {
    return rectA1(m.rect);
  }

  protected makeItem(m: RangeTarget): RangeProxy {
    return new RangeProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  }
}
