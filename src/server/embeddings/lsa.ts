// Latent semantic analysis learned from the taxonomy's own text: a truncated SVD (randomized, Halko
// et al. 2011) of the TF-IDF term-document matrix. Words used in the same descriptions land near each
// other ("nurse" ~ "patient care"), which character n-grams cannot see. Needs no download: it is
// learned from the concepts the database holds.

import "server-only";

export const LSA_MODEL = "evne-lsa-v1";

export type LsaModel = {
  /** term -> row of `termVectors` */
  vocab: Map<string, number>;
  idf: Float64Array;
  /** vocab.size × k, row-major: the left singular vectors (U_k). */
  termVectors: Float32Array;
  k: number;
};

type Sparse = { rows: Int32Array; cols: Int32Array; vals: Float64Array; terms: number; docs: number };

function tfidf(docs: readonly (readonly string[])[], minDf: number): { matrix: Sparse; vocab: Map<string, number>; idf: Float64Array } {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, n] of df) if (n >= minDf) vocab.set(t, vocab.size);
  const idf = new Float64Array(vocab.size);
  for (const [t, i] of vocab) idf[i] = Math.log(docs.length / (df.get(t) ?? 1));
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  docs.forEach((doc, j) => {
    const counts = new Map<number, number>();
    for (const t of doc) {
      const i = vocab.get(t);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    let norm = 0;
    const entries = [...counts].map(([i, c]) => {
      const v = (1 + Math.log(c)) * (idf[i] ?? 0);
      norm += v * v;
      return [i, v] as const;
    });
    norm = Math.sqrt(norm) || 1;
    for (const [i, v] of entries) {
      rows.push(i);
      cols.push(j);
      vals.push(v / norm);
    }
  });
  return { matrix: { rows: Int32Array.from(rows), cols: Int32Array.from(cols), vals: Float64Array.from(vals), terms: vocab.size, docs: docs.length }, vocab, idf };
}

/** Y (terms × l) = A · X (docs × l), dense row-major. */
function times(a: Sparse, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.terms * l);
  for (let n = 0; n < a.vals.length; n++) {
    const i = a.rows[n] ?? 0;
    const j = a.cols[n] ?? 0;
    const v = a.vals[n] ?? 0;
    for (let c = 0; c < l; c++) y[i * l + c] = (y[i * l + c] ?? 0) + v * (x[j * l + c] ?? 0);
  }
  return y;
}

/** X (docs × l) = Aᵀ · Y (terms × l). */
function timesT(a: Sparse, y: Float64Array, l: number): Float64Array {
  const x = new Float64Array(a.docs * l);
  for (let n = 0; n < a.vals.length; n++) {
    const i = a.rows[n] ?? 0;
    const j = a.cols[n] ?? 0;
    const v = a.vals[n] ?? 0;
    for (let c = 0; c < l; c++) x[j * l + c] = (x[j * l + c] ?? 0) + v * (y[i * l + c] ?? 0);
  }
  return x;
}

/** Orthonormalises the columns of m (rows × l) in place: modified Gram-Schmidt. */
function orthonormalize(m: Float64Array, rows: number, l: number): void {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += (m[r * l + c] ?? 0) * (m[r * l + p] ?? 0);
      for (let r = 0; r < rows; r++) m[r * l + c] = (m[r * l + c] ?? 0) - dot * (m[r * l + p] ?? 0);
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += (m[r * l + c] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < rows; r++) m[r * l + c] = (m[r * l + c] ?? 0) / norm;
  }
}

/** Eigenvectors of a symmetric l × l matrix (cyclic Jacobi), sorted by eigenvalue, largest first. */
function symmetricEigen(s: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += (a[p * l + q] ?? 0) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q] ?? 0;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = ((a[q * l + q] ?? 0) - (a[p * l + p] ?? 0)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p] ?? 0;
          const akq = a[k * l + q] ?? 0;
          a[k * l + p] = c * akp - sn * akq;
          a[k * l + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k] ?? 0;
          const aqk = a[q * l + k] ?? 0;
          a[p * l + k] = c * apk - sn * aqk;
          a[q * l + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p] ?? 0;
          const vkq = v[k * l + q] ?? 0;
          v[k * l + p] = c * vkp - sn * vkq;
          v[k * l + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => (a[y * l + y] ?? 0) - (a[x * l + x] ?? 0));
  const values = Float64Array.from(order, (i) => a[i * l + i] ?? 0);
  const vectors = new Float64Array(l * l);
  order.forEach((from, to) => {
    for (let r = 0; r < l; r++) vectors[r * l + to] = v[r * l + from] ?? 0;
  });
  return { values, vectors };
}

/**
 * Learns a k-dimensional LSA model from term lists (one per document). Deterministic: the random
 * test matrix comes from a fixed seed, so the same taxonomy gives the same model.
 */
export function trainLsa(docs: readonly (readonly string[])[], p: { k: number; oversample?: number; powerIterations?: number; minDf?: number }): LsaModel {
  const { matrix, vocab, idf } = tfidf(docs, p.minDf ?? 2);
  const l = Math.min(p.k + (p.oversample ?? 10), matrix.terms, matrix.docs);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const omega = Float64Array.from({ length: matrix.docs * l }, random);
  let y = times(matrix, omega, l);
  orthonormalize(y, matrix.terms, l);
  for (let it = 0; it < (p.powerIterations ?? 2); it++) {
    const z = timesT(matrix, y, l);
    orthonormalize(z, matrix.docs, l);
    y = times(matrix, z, l);
    orthonormalize(y, matrix.terms, l);
  }
  // B = Qᵀ A (l × docs); its left singular vectors are the eigenvectors of B Bᵀ.
  const bt = timesT(matrix, y, l); // docs × l = Aᵀ Q = Bᵀ
  const bbt = new Float64Array(l * l);
  for (let j = 0; j < matrix.docs; j++) {
    for (let a = 0; a < l; a++) {
      const x = bt[j * l + a] ?? 0;
      if (x === 0) continue;
      for (let b = a; b < l; b++) bbt[a * l + b] = (bbt[a * l + b] ?? 0) + x * (bt[j * l + b] ?? 0);
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) bbt[a * l + b] = bbt[b * l + a] ?? 0;
  const { vectors } = symmetricEigen(bbt, l);
  const k = Math.min(p.k, l);
  const termVectors = new Float32Array(matrix.terms * k);
  for (let r = 0; r < matrix.terms; r++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let m = 0; m < l; m++) sum += (y[r * l + m] ?? 0) * (vectors[m * l + c] ?? 0);
      termVectors[r * k + c] = sum;
    }
  }
  return { vocab, idf, termVectors, k };
}

/** A text's point in the latent space (Uᵀ · its TF-IDF vector), unit length; empty when no term is known. */
export function lsaVector(model: LsaModel, terms: readonly string[]): Float32Array {
  const counts = new Map<number, number>();
  for (const t of terms) {
    const i = model.vocab.get(t);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const out = new Float32Array(model.k);
  for (const [i, c] of counts) {
    const w = (1 + Math.log(c)) * (model.idf[i] ?? 0);
    for (let d = 0; d < model.k; d++) out[d] = (out[d] ?? 0) + w * (model.termVectors[i * model.k + d] ?? 0);
  }
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return new Float32Array(0);
  for (let d = 0; d < model.k; d++) out[d] = (out[d] ?? 0) / norm;
  return out;
}
