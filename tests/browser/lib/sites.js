// Builds the sites under test into a scratch folder with the hubsite binary: a copy of each
// site whose exit button points at a neutral page on 127.0.0.1, so nothing leaves the machine.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The repository root. */
const REPO = path.resolve(__dirname, '..', '..', '..');

/** The hubsite binary: $HUBSITE_BIN, else the debug build. */
const HUBSITE = process.env.HUBSITE_BIN || path.join(REPO, 'target', 'debug', 'hubsite');

/** A fresh scratch folder, removed by the caller. */
function scratch() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hubsite-browser-'));
}

/** Runs hubsite; throws with its error output if it fails. */
function hubsite(args) {
  try {
    return execFileSync(HUBSITE, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`hubsite ${args.join(' ')} failed:\n${error.stderr || error.message}`);
  }
}

/** Sets `[safety] exit_url` in a hubsite.toml text, keeping everything else. */
function withExitUrl(toml, exitUrl) {
  const line = `exit_url = ${JSON.stringify(exitUrl)}`;
  if (/^exit_url\s*=.*$/m.test(toml)) return toml.replace(/^exit_url\s*=.*$/m, line);
  if (/^\[safety\]\s*$/m.test(toml)) return toml.replace(/^\[safety\]\s*$/m, `[safety]\n${line}`);
  return `${toml.trimEnd()}\n\n[safety]\n${line}\n`;
}

/** Sets `language` in a hubsite.toml text, keeping everything else. */
function withLanguage(toml, language) {
  const line = `language = ${JSON.stringify(language)}`;
  if (/^language\s*=.*$/m.test(toml)) return toml.replace(/^language\s*=.*$/m, line);
  return `${line}\n${toml}`;
}

/** Copies a site folder, leaving out its built output and anything hidden. */
function copySite(from, to) {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(from, source);
      const first = relative.split(path.sep)[0];
      return !['public', 'target', 'node_modules', 'tests'].includes(first) && !first.startsWith('.');
    },
  });
}

/**
 * Builds one site (`{ scaffold: true }` or `{ root }`, in its `language` if given) at `now`
 * into `work/<name>/public` with its exit button pointing at `exitUrl`; returns the output folder.
 */
function buildSite(name, site, { work, now, exitUrl }) {
  const source = path.join(work, name, 'site');
  const output = path.join(work, name, 'public');
  if (site.scaffold) {
    hubsite(['new', source]);
  } else {
    copySite(path.resolve(REPO, site.root), source);
  }
  const config = path.join(source, 'hubsite.toml');
  let toml = withExitUrl(fs.readFileSync(config, 'utf8'), exitUrl);
  if (site.language) toml = withLanguage(toml, site.language);
  fs.writeFileSync(config, toml);
  hubsite(['build', '--root', source, '--output', output, '--now', now]);
  return output;
}

/** Writes the neutral page that 'Exit this page' leads to in tests; returns its folder. */
function writeNeutralSite(work) {
  const dir = path.join(work, 'neutral');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'neutral.html'),
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head>' +
      '<body><h1>Weather</h1></body></html>\n',
  );
  return dir;
}

module.exports = { REPO, HUBSITE, scratch, buildSite, writeNeutralSite, withExitUrl, withLanguage };
