// Gives the JS bindings the short import and export names wasm-opt gave
// the wasm (--minify-imports-and-exports-and-modules): wasm-bindgen names
// each of ~200 imports after its function and a 16-hex hash, and every name
// is written twice, in the wasm and in the JS (4.8 KB of brotli'd release).
//
//   node scripts/short-names.mjs <bindings.js> <mapping.json> <module.wasm>
//
// The mapping is what wasm-opt prints: {"imports": [[module, name, new]],
// "exports": [[name, new]]}. Import names are keys of the bindings' import
// object, export names properties of `wasm`: only those are rewritten, and
// every import must be found, or the build stops. The memory keeps its
// name, `memory`, in the wasm too: what the bindings' init returns
// (wasm-bindgen's InitOutput) is read by that name.
import { readFileSync, writeFileSync } from 'node:fs';

const [js, mapping, wasmFile] = process.argv.slice(2);
const printed = readFileSync(mapping, 'utf8');
const map = JSON.parse(printed.slice(printed.indexOf('{')));
let text = readFileSync(js, 'utf8');
const fail = (what) => { console.error(`short-names: ${what}`); process.exit(1); };
const escape = (s) => s.replace(/[$]/g, '\\$');

const modules = new Map();
for (const [module, name, short] of map.imports) {
  // The import object's keys: `    __wbg_name_hash: function(` (one each).
  const key = new RegExp(`(\\n\\s+)${escape(name)}(: function\\()`);
  if (!key.test(text)) fail(`import ${name} not found in ${js}`);
  text = text.replace(key, `$1${JSON.stringify(short)}$2`);
  modules.set(module, null);
}
// wasm-opt names the one module "a" (it prints no mapping for modules).
if (modules.size !== 1) fail(`expected one import module, found ${[...modules.keys()].join(', ')}`);
for (const module of modules.keys()) {
  const short = 'a';
  const key = `${JSON.stringify(module)}: import0`;
  if (!text.includes(key)) fail(`module ${module} not found in ${js}`);
  text = text.replace(key, `${JSON.stringify(short)}: import0`);
}
for (const [name, short] of map.exports) {
  if (name === 'memory') {
    renameExport(wasmFile, short, name);
    continue;
  }
  const use = new RegExp(`\\bwasm\\.${escape(name)}(?![\\w$])`, 'g');
  // (Some exports are for other hosts, and the bindings never call them.)
  text = text.replace(use, `wasm[${JSON.stringify(short)}]`);
}
writeFileSync(js, text);

/** Renames one export of a wasm file (its export section rewritten). */
function renameExport(file, from, to) {
  const bytes = readFileSync(file);
  const leb = (at) => { let n = 0, shift = 0, b; do { b = bytes[at++]; n |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80); return [n >>> 0, at]; };
  const toLeb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const enc = new TextEncoder();
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, body] = leb(at + 1);
    if (id === 7) {
      let [count, p] = leb(body);
      const parts = [Buffer.from(toLeb(count))];
      for (; count > 0; count--) {
        const [len, nameAt] = leb(p);
        const name = bytes.subarray(nameAt, nameAt + len).toString('utf8');
        const [, end] = leb(nameAt + len + 1); // kind byte, then index
        const newName = name === from ? enc.encode(to) : bytes.subarray(nameAt, nameAt + len);
        parts.push(Buffer.from(toLeb(newName.length)), Buffer.from(newName), bytes.subarray(nameAt + len, end));
        p = end;
      }
      const section = Buffer.concat(parts);
      writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([7, ...toLeb(section.length)]), section, bytes.subarray(body + size)]));
      return;
    }
    at = body + size;
  }
  fail(`no export section in ${file}`);
}
