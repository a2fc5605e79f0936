/**
 * The pages' defences that can be checked without a browser: a strict Content-Security-Policy
 * in every page (before any script), no network but Office.js for the pane and none at all for
 * the web page, and no code in the pages' sources that turns text into HTML or code.
 * (The pane's behaviour in a browser, such as <img onerror> in a project name, is tested by
 * the pane's own browser tests.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { ensureBuild } from '../e2e/helpers/build';
import { ROOT } from './helpers';

const OFFICE_HOSTS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com'];

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const p: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) p.set(name.toLowerCase(), sources);
  }
  return p;
}

/** The CSP meta tags of a page and where each sits relative to the first script. */
function cspTags(html: string): { policies: string[]; beforeFirstScript: boolean } {
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi)];
  const policies = metas.map((m) => /content=(?:"([^"]*)"|'([^']*)')/i.exec(m[0])).map((m) => (m ? (m[1] ?? m[2]) : ''));
  const firstScript = html.search(/<script\b/i);
  return { policies, beforeFirstScript: metas.length > 0 && (firstScript < 0 || (metas[0].index ?? 0) < firstScript) };
}

/** Every source of every directive that names a host or a scheme. */
function hosts(p: Policy): string[] {
  return [...p.values()].flat().filter((s) => !s.startsWith("'") && s !== 'data:' && s !== 'blob:');
}

/** What every page's policy must hold, pane or web page. */
function checkStrict(p: Policy): void {
  const script = p.get('script-src') ?? p.get('default-src') ?? [];
  expect(script).not.toContain("'unsafe-eval'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain('data:');
  expect(script).not.toContain('blob:');
  for (const sources of p.values()) {
    expect(sources).not.toContain('*');
    expect(sources).not.toContain('http:');
    expect(sources).not.toContain('https:');
    for (const s of sources) expect(s.startsWith('http://')).toBe(false);
  }
  expect(p.get('object-src')).toEqual(["'none'"]);
  expect(["'self'", "'none'"]).toContain(p.get('base-uri')?.join(' '));
  expect(p.get('form-action')).toEqual(["'none'"]);
  expect(["'self'", "'none'"]).toContain(p.get('default-src')?.join(' '));
}

describe('the page templates', () => {
  it.each(['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/web/index.html'])('%s sets its CSP before any script', (file) => {
    const { policies, beforeFirstScript } = cspTags(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    expect(policies).toHaveLength(1);
    expect(beforeFirstScript).toBe(true);
  });
});

describe('the built pages', () => {
  let site = '';
  beforeAll(async () => {
    site = await ensureBuild();
  }, 300_000);
  const read = (f: string) => fs.readFileSync(path.join(site, f), 'utf8');

  it.each(['taskpane.html', 'commands.html'])('%s: strict, and the network only for Office.js', (page) => {
    const html = read(page);
    const { policies, beforeFirstScript } = cspTags(html);
    expect(policies).toHaveLength(1);
    expect(beforeFirstScript).toBe(true);
    const p = parsePolicy(policies[0]);
    checkStrict(p);
    for (const h of hosts(p)) expect(OFFICE_HOSTS).toContain(h);
    for (const s of p.get('connect-src') ?? []) expect(["'self'", ...OFFICE_HOSTS]).toContain(s);
    // Scripts: Office.js from its CDN, the rest from the site itself; none inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src=["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? '';
      expect(src === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' || !/^[a-z]+:|^\/\//i.test(src)).toBe(true);
    }
  });

  it('web/index.html: strict, no network at all, no Office.js', () => {
    const html = read('web/index.html');
    const { policies, beforeFirstScript } = cspTags(html);
    expect(policies).toHaveLength(1);
    expect(beforeFirstScript).toBe(true);
    const p = parsePolicy(policies[0]);
    checkStrict(p);
    expect(p.get('default-src')).toEqual(["'none'"]);
    expect(p.get('connect-src')).toEqual(["'none'"]);
    expect(hosts(p)).toEqual([]);
    expect(html).not.toMatch(/office\.js/i);
    for (const [, , body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) expect(body.trim()).toBe('');
  });
});

describe('the sources of the pages', () => {
  /** Files under src/ that run in a page, or whose text reaches one. */
  function pageSources(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|js|html)$/.test(e.name)) out.push(p);
      }
    };
    for (const d of ['taskpane', 'web', 'excel', 'commands', 'core', 'i18n']) walk(path.join(ROOT, 'src', d));
    return out;
  }

  // Text into HTML or code, and ways to reach the network.
  const FORBIDDEN: [string, RegExp][] = [
    ['innerHTML / outerHTML', /\.(?:inner|outer)HTML\b/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['document.write', /document\.write/],
    ['srcdoc', /\.srcdoc\b|srcdoc=/],
    ['DOMParser / createContextualFragment', /DOMParser|createContextualFragment/],
    ['eval', /(?<![\w.])eval\s*\(/],
    ['new Function', /new\s+Function\s*\(/],
    ['string timers', /set(?:Timeout|Interval)\s*\(\s*['"`]/],
    ['fetch', /(?<![\w.])fetch\s*\(/],
    ['XMLHttpRequest', /XMLHttpRequest/],
    ['WebSocket / EventSource', /WebSocket|EventSource/],
    ['sendBeacon', /sendBeacon/],
    ['javascript: URLs', /javascript:/i],
  ];

  it.each(FORBIDDEN)('use no %s', (_label, re) => {
    const hits = pageSources().filter((f) => re.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    const sample = 'el.innerHTML = name; fetch(url); eval(x); new Function("a"); setTimeout("x()", 1)';
    for (const [label, re] of FORBIDDEN.filter(([l]) => ['innerHTML / outerHTML', 'fetch', 'eval', 'new Function', 'string timers'].includes(l))) {
      expect([label, re.test(sample)]).toEqual([label, true]);
    }
    expect(/(?<![\w.])fetch\s*\(/.test('prefetch(x); this.fetchRows(1)')).toBe(false);
  });
});
