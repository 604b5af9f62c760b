// Regenerates es-numbers.txt: "<16 hex IEEE-754 bits>,<JSON.stringify(value)>" per line, using the
// running JavaScript engine as the oracle for ECMAScript Number::toString (RFC 8785 §3.2.2.3).
// Deterministic: fixed-seed xorshift64*, so the file only changes if the engine disagrees.
// Usage: node numgen.mjs > es-numbers.txt
const view = new DataView(new ArrayBuffer(8));
let s = 0x9e3779b97f4a7c15n;
const M = (1n << 64n) - 1n;
function next() {
  s ^= s >> 12n; s ^= (s << 25n) & M; s ^= s >> 27n;
  return (s * 0x2545f4914f6cdd1dn) & M;
}
const out = [];
function emit(bits) {
  view.setBigUint64(0, bits);
  const d = view.getFloat64(0);
  if (!Number.isFinite(d)) return;
  out.push(bits.toString(16).padStart(16, '0') + ',' + JSON.stringify(d));
}
// Uniform bit patterns cover every exponent, including subnormals.
for (let i = 0; i < 4000; i++) emit(next());
// Values near the layout thresholds (1e-7, 1e-6, 1e21) and around powers of ten.
for (let e = -30; e <= 30; e++) {
  view.setFloat64(0, Number('1e' + e));
  const b = view.getBigUint64(0);
  for (let d = -2n; d <= 2n; d++) emit(b + d);
}
// Powers of two, where the rounding interval is asymmetric.
for (let e = -1074; e <= 1023; e += 7) {
  view.setFloat64(0, 2 ** e);
  const b = view.getBigUint64(0);
  emit(b); emit(b + 1n); if (b > 0n) emit(b - 1n);
}
// Short decimals and integers around 2^53.
for (let i = 0; i < 1000; i++) {
  const digits = Number(next() % 100000n);
  const exp = Number(next() % 40n) - 20;
  view.setFloat64(0, Number(digits + 'e' + exp));
  emit(view.getBigUint64(0));
}
for (let d = -3n; d <= 3n; d++) { view.setFloat64(0, 2 ** 53); emit(view.getBigUint64(0) + d); }
process.stdout.write(out.join('\n') + '\n');
