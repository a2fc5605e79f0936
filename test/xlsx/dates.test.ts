import { isoToSerial } from '../../src/xlsx/package';

describe('isoToSerial (t="d" cells)', () => {
  it.each([
    // Days from 1899-12-30: 2022-06-30 is 44742.
    ['2022-06-30', 44742],
    ['2022-06-30T00:00:00Z', 44742],
    // Noon is half a day; the time zone is ignored (wall-clock time).
    ['2022-06-30T12:00:00+08:00', 44742.5],
    ['2022-06-30 18:00', 44742.75],
    // Excel's phantom 1900-02-29: 1900-03-01 is 61, 1900-02-28 is 59, 1900-01-01 is 1.
    ['1900-03-01', 61],
    ['1900-02-28', 59],
    ['1900-01-01', 1],
    // Time only: 06:00 is a quarter of a day.
    ['06:00:00', 0.25],
  ])('%s → %d', (iso, serial) => {
    expect(isoToSerial(iso)).toBeCloseTo(serial, 10);
  });

  it.each(['2022-02-30', '2022-13-01', 'yesterday', ''])('%s is not a date', (iso) => {
    expect(isoToSerial(iso)).toBeNull();
  });
});
