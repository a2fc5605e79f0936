/** Plain formatting of ranges in the fake: column width, fill colour, bold. */
import { cellCount } from './a1';
import type { FakeContext } from './context';
import { FakeOfficeError } from './errors';
import type { FakeCell } from './model';
import { FakeProxy } from './proxy';
import type { AreasTarget } from './range';

export class RangeFormatProxy extends FakeProxy<AreasTarget> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget) {
    super(context);
  }

  protected find(): AreasTarget {
    return this.locate();
  }

  protected defaults(): string[] {
    return ['columnWidth'];
  }

  protected scalar(prop: string, t: AreasTarget): unknown {
    if (prop === 'columnWidth') return t.sheet.colWidths.get(t.areas[0].c0) ?? 48;
    return this.unknown(prop);
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    return prop === 'fill' ? this.fill : prop === 'font' ? this.font : undefined;
  }

  get columnWidth(): number { return this.read('columnWidth'); }
  set columnWidth(w: number) {
    this.write(w, ({ sheet, areas }) => {
      for (const a of areas) for (let c = a.c0; c <= a.c1; c++) sheet.colWidths.set(c, w);
    });
  }

  get fill(): CellStyleProxy {
    return this.kid('fill', () => new CellStyleProxy(this.context, () => this.need(), 'fill'));
  }

  get font(): CellStyleProxy {
    return this.kid('font', () => new CellStyleProxy(this.context, () => this.need(), 'bold'));
  }
}

/** `format.fill` (color) and `format.font` (bold) of plain cells. */
export class CellStyleProxy extends FakeProxy<AreasTarget> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget, private readonly kind: 'fill' | 'bold') {
    super(context);
  }

  protected find(): AreasTarget {
    return this.locate();
  }

  protected defaults(): string[] {
    return [this.kind === 'fill' ? 'color' : 'bold'];
  }

  protected scalar(prop: string, { sheet, areas }: AreasTarget): unknown {
    const a = areas[0];
    const cell = sheet.cell(a.r0, a.c0);
    if (this.kind === 'fill' && prop === 'color') return cell?.fill ?? '#FFFFFF';
    if (this.kind === 'bold' && prop === 'bold') return cell?.bold ?? false;
    return this.unknown(prop);
  }

  private paint(v: unknown, set: (cell: FakeCell) => void): void {
    this.write(v, ({ sheet, areas }) => {
      for (const a of areas) {
        if (cellCount(a) > 1_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'Too many cells to format one by one in the fake.');
        for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) {
          set(sheet.cellFor(r, c));
          sheet.tidy(r, c);
        }
      }
    });
  }

  get color(): string { return this.read('color'); }
  set color(v: string) { this.paint(v, (cell) => (cell.fill = v)); }
  get bold(): boolean { return this.read('bold'); }
  set bold(v: boolean) { this.paint(v, (cell) => (cell.bold = v ? true : undefined)); }
}
