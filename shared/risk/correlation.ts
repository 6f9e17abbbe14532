/** How far below zero a pivot may fall from rounding before the matrix counts as indefinite. */
const PIVOT_TOLERANCE = 1e-10;

/**
 * §R3 The lower Cholesky factor C (row-major, n × n) of a correlation matrix, C Cᵀ = R, for
 * positive semi-definite R: a zero pivot gives a zero column, which is allowed only when the
 * rest of that column is zero too. Returns null when R is not positive semi-definite.
 */
export function choleskyFactor(matrix: Float64Array, n: number): Float64Array | null {
  const c = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= c[j * n + k]! ** 2;
    if (pivot < -PIVOT_TOLERANCE) return null;
    const root = pivot > PIVOT_TOLERANCE ? Math.sqrt(pivot) : 0;
    c[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let rest = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) rest -= c[i * n + k]! * c[j * n + k]!;
      if (root === 0) {
        if (Math.abs(rest) > 1e-8) return null;
        c[i * n + j] = 0;
      } else c[i * n + j] = rest / root;
    }
  }
  return c;
}

/** The correlation matrix (unit diagonal, listed pairs, 0 elsewhere) over `ids`. */
export function correlationMatrix(ids: readonly string[], pairs: readonly { a: string; b: string; rho: number }[]): Float64Array {
  const n = ids.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  for (const { a, b, rho } of pairs) {
    const i = ids.indexOf(a);
    const j = ids.indexOf(b);
    if (i < 0 || j < 0) continue;
    m[i * n + j] = rho;
    m[j * n + i] = rho;
  }
  return m;
}
