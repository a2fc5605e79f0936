/** The median of the first n values, in O(n) expected time; reorders `values`. */
export function medianInPlace(values: Float64Array, n: number): number {
  if (n === 0) return NaN;
  const hi = select(values, 0, n - 1, n >> 1);
  if (n % 2 === 1) return hi;
  // The lower middle is the largest value left of the upper one after the selection.
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (values[i] > lo) lo = values[i];
  return (lo + hi) / 2;
}

/** Quickselect (Hoare partition, middle pivot): the k-th smallest of a[left..right]. */
function select(a: Float64Array, left: number, right: number, k: number): number {
  let l = left;
  let r = right;
  while (l < r) {
    const pivot = a[(l + r) >>> 1];
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k];
  }
  return a[k];
}
