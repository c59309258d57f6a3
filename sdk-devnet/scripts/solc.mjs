#!/usr/bin/env node
// Solidity toolchain of restake4j (solcjs, exact version from package.json).
//
//   node scripts/solc.mjs compile <srcDir> <outDir>
//       Compiles every .sol file below srcDir. For each deployable contract defined there, writes
//       <outDir>/<sub/folder>/<Name>.json = { contractName, sourceName, abi, bytecode, deployedBytecode }.
//       Imports resolve against the repository root (e.g. "abi/common/IERC20.sol").
//
//   node scripts/solc.mjs abi [--check]
//       Derives abi/<protocol>/<Name>.json from our interface files: for abi/<protocol>/I<Name>.sol the ABI
//       of `interface I<Name>` (inherited events and errors included) is written, pretty-printed.
//       Other .sol files below abi/ (shared structs, base interfaces) are only compiled as imports.
//       With --check nothing is written; stale or missing files fail with the command that fixes them.
//
// Compiler settings are the same for both, so fixtures and the published ABIs agree.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

function fail(message) {
  console.error(`restake4j solc: ${message}`);
  process.exit(1);
}

function solFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...solFiles(p));
    else if (entry.name.endsWith('.sol')) out.push(p);
  }
  return out.sort();
}

// Warnings we know and keep on purpose; every other warning is printed.
//  * abi/lido/ILido.sol declares `fallback() external payable` and no `receive()`: that is the real stETH
//    contract's ABI (Solidity 0.4.24 has no receive; plain ETH stakes through the fallback). A receive()
//    would add an entry that Lido's published ABI does not have, so the warning (3628) is not printed.
const KNOWN_WARNINGS = [
  { code: '3628', file: 'abi/lido/ILido.sol' },
];
const knownWarning = (e) => e.severity === 'warning' && KNOWN_WARNINGS.some(
  (k) => k.code === e.errorCode && e.sourceLocation && e.sourceLocation.file === k.file);

const toKey = (file) => path.relative(repoRoot, file).split(path.sep).join('/');

function compile(files) {
  const sources = {};
  for (const f of files) sources[toKey(f)] = { content: fs.readFileSync(f, 'utf8') };
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const findImports = (importPath) => {
    const file = path.resolve(repoRoot, importPath);
    if (!file.startsWith(repoRoot + path.sep) || !fs.existsSync(file)) {
      return { error: `import not found below the repository root: ${importPath}` };
    }
    return { contents: fs.readFileSync(file, 'utf8') };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = output.errors || [];
  for (const p of problems.filter((e) => e.severity !== 'error' && !knownWarning(e))) {
    console.warn(p.formattedMessage.trim());
  }
  const errors = problems.filter((e) => e.severity === 'error');
  if (errors.length) {
    fail(`${errors.length} compilation error(s):\n` + errors.map((e) => e.formattedMessage.trim()).join('\n'));
  }
  return output;
}

const hex = (s) => (s ? (s.startsWith('0x') ? s : '0x' + s) : '0x');
const pretty = (value) => JSON.stringify(value, null, 2) + '\n';

function compileCommand(srcDir, outDir) {
  if (!srcDir || !outDir) fail('usage: solc.mjs compile <srcDir> <outDir>');
  const src = path.resolve(srcDir);
  const out = path.resolve(outDir);
  const files = solFiles(src);
  if (!files.length) fail(`no .sol files below ${src}`);
  const output = compile(files);
  let written = 0;
  for (const file of files) {
    const key = toKey(file);
    const sub = path.relative(src, path.dirname(file));
    for (const [name, contract] of Object.entries(output.contracts[key] || {})) {
      const bytecode = contract.evm.bytecode.object;
      if (!bytecode) continue; // interfaces and abstract contracts are not fixtures
      const dest = path.join(out, sub, `${name}.json`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, pretty({
        contractName: name,
        sourceName: key,
        compiler: `solc ${solc.version()}`,
        abi: contract.abi,
        bytecode: hex(bytecode),
        deployedBytecode: hex(contract.evm.deployedBytecode.object),
      }));
      written++;
    }
  }
  console.log(`restake4j solc: ${written} contract(s) from ${files.length} file(s) below ${toKey(src)} -> ${path.relative(process.cwd(), out) || '.'}`);
}

function abiCommand(check) {
  const abiDir = path.join(repoRoot, 'abi');
  const interfaces = solFiles(abiDir).filter((f) => /^I[A-Z0-9]/.test(path.basename(f)));
  if (!interfaces.length) fail('no interface files (abi/**/I*.sol)');
  const output = compile(interfaces);
  const stale = [];
  for (const file of interfaces) {
    const interfaceName = path.basename(file, '.sol');
    const contract = (output.contracts[toKey(file)] || {})[interfaceName];
    if (!contract) fail(`${toKey(file)} must declare interface ${interfaceName}`);
    const dest = path.join(path.dirname(file), `${interfaceName.slice(1)}.json`);
    const text = pretty(contract.abi);
    const current = fs.existsSync(dest) ? fs.readFileSync(dest, 'utf8') : null;
    if (current === text) continue;
    if (check) stale.push(toKey(dest));
    else {
      fs.writeFileSync(dest, text);
      console.log(`restake4j solc: wrote ${toKey(dest)}`);
    }
  }
  if (stale.length) {
    fail(`abi/ is out of date with its interface sources: ${stale.join(', ')}. `
      + 'Regenerate with: npm --prefix sdk-devnet run abi');
  }
  if (check) console.log(`restake4j solc: abi/ matches its ${interfaces.length} interface source(s)`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'compile') compileCommand(args[0], args[1]);
else if (command === 'abi') abiCommand(args.includes('--check'));
else fail('usage: solc.mjs compile <srcDir> <outDir> | solc.mjs abi [--check]');
