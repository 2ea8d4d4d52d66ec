import axe from 'axe-core';
import type { BrowserContext, Keyboard, Locator, Page } from 'playwright-core';

// Accessibility audit of every page the browser tests visit, by a tool we did not write: axe-core,
// its rules of WCAG 2.0 and 2.1 at levels A and AA, run inside Chromium on the page as the test sees
// it, at the test's width. How it is hooked in (docs/ui.md, "Accessibility audit"):
//
// - every main-frame navigation, full load or client-side route change (history API), starts a
//   "visit" of its URL;
// - a visit is audited before the first thing the test does on it: an action through a locator or
//   the keyboard, `page.goto`, `page.reload`, a screenshot or closing the context. So a page the test
//   leaves by clicking a link is audited before the click, one it leaves with `goto` before the
//   `goto`, and the last one when the test closes its context. Before auditing, the page is given
//   time to settle: no request in flight and no DOM change for 300 ms (at most 5 s);
// - a screenshot and closing the context audit again whatever is on screen (an open dialog, a form
//   with its errors), even when the URL has been audited already;
// - a redirect the app makes by itself before the test does anything is not audited: nobody sees it.
//
// Findings fail the test at that point, each with the rule, the element and axe's measurements.
// `A11Y_DEBUG=1` prints every audit (URL, width, why, how long).

/** The rule tags audited: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Findings axe gets wrong, never to hide a real problem: each entry needs its reason written in
 * docs/ui.md ("Accessibility audit"). An entry matches an element of the rule's findings that lies
 * inside `inside` (a CSS selector, checked with `closest` in the page).
 */
export interface AllowedFinding {
  rule: string;
  inside: string;
  reason: string;
}

export const ALLOWED_FINDINGS: AllowedFinding[] = [
  {
    rule: 'scrollable-region-focusable',
    inside: '[role="listbox"]',
    reason:
      'the option list of a select scrolls while its combobox keeps the focus (aria-activedescendant): ' +
      'the arrow keys move through the options and scroll them into view, so it needs no Tab stop of its own',
  },
];

const QUIET_MS = 300;
const SETTLE_MAX_MS = 5_000;
const DEBUG = process.env.A11Y_DEBUG === '1';

interface Visit {
  url: string;
  audited: boolean;
}

/** What axe measured, as the harness reports it. */
interface Finding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  path: string;
  target: string;
  html: string;
  detail: string;
}

/** The page's auditor: its visits, and whether the one on screen has been audited. */
class PageAudit {
  private visit: Visit | null = null;
  private inflight = 0;
  private running: Promise<void> = Promise.resolve();
  private settledIn = 0;

  constructor(private readonly page: Page, private readonly widthLabel: string) {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || frame.url() === 'about:blank') return;
      // A same-URL event (a reload of the same route, a replaceState that changed nothing) is still
      // a new state of the page: audit it again.
      this.visit = { url: frame.url(), audited: false };
    });
    page.on('request', () => void this.inflight++);
    page.on('requestfinished', () => void this.inflight--);
    page.on('requestfailed', () => void this.inflight--);
  }

  /** Audits the visit on screen unless it has been already. */
  beforeAction(why: string): Promise<void> {
    return this.serial(async () => {
      if (!this.visit || this.visit.audited || this.page.isClosed()) return;
      await this.settle();
      await this.audit(why);
    });
  }

  /** Audits what is on screen now, audited before or not. */
  checkpoint(why: string): Promise<void> {
    return this.serial(async () => {
      if (!this.visit || this.page.isClosed()) return;
      await this.settle();
      await this.audit(why);
    });
  }

  // One audit at a time per page: a locator action inside another's hook waits for it.
  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(work);
    this.running = next.catch(() => {});
    return next;
  }

  /** Waits until no request is in flight and the DOM has not changed for a moment. */
  private async settle(): Promise<void> {
    const started = Date.now();
    const deadline = started + SETTLE_MAX_MS;
    while (Date.now() < deadline) {
      // Evaluated as text: the e2e code is compiled without the DOM library.
      const quiet = await this.page
        .evaluate<boolean>(
          `new Promise((resolve) => {
            let changed = false;
            const observer = new MutationObserver(() => (changed = true));
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            setTimeout(() => { observer.disconnect(); resolve(!changed && document.readyState === 'complete'); }, ${Math.max(0, Math.min(QUIET_MS, deadline - Date.now()))});
          })`,
        )
        .catch(() => false); // the page navigated meanwhile: look again
      if (quiet && this.inflight <= 0) {
        this.settledIn = Date.now() - started;
        return;
      }
    }
    this.settledIn = Date.now() - started;
    if (DEBUG) console.log(`[a11y] still busy after ${SETTLE_MAX_MS} ms (${this.inflight} request(s) in flight): auditing anyway`);
  }

  private async audit(why: string): Promise<void> {
    const visit = this.visit!;
    const started = Date.now();
    let findings: Finding[];
    try {
      findings = await runAxe(this.page);
    } catch (error) {
      // A full navigation destroyed the document mid-audit: the new visit gets its own.
      if (/Execution context was destroyed|Target page, context or browser has been closed|navigat/i.test(String(error))) return;
      throw new Error(`axe could not audit ${visit.url} (${this.widthLabel}): ${String(error)}`, { cause: error });
    }
    if (this.visit === visit) visit.audited = true;
    if (DEBUG) console.log(`[a11y] ${this.widthLabel} ${new URL(visit.url).pathname}${new URL(visit.url).search} (${why}): ${findings.length} finding(s), settled in ${this.settledIn} ms, audited in ${Date.now() - started} ms`);
    if (findings.length > 0) throw new Error(formatFindings(findings, this.widthLabel));
  }
}

const audits = new WeakMap<Page, PageAudit>();

/** Runs axe (injected on first use) on the page and returns the findings not on the allow-list. */
async function runAxe(page: Page): Promise<Finding[]> {
  // Injected through the DevTools protocol, which the app's Content-Security-Policy does not
  // govern, and only into pages being audited: the app under test runs without it until then.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axe.source);
  const options: axe.RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const allowed = ALLOWED_FINDINGS.map(({ rule, inside }) => ({ rule, inside }));
  // Each node comes back with whether an allow-list entry covers it, decided in the page where the
  // element's ancestors are known.
  const results = await page.evaluate<Pick<axe.AxeResults, 'url' | 'violations'> & { allowed: boolean[][] }>(
    `axe.run(document, ${JSON.stringify(options)}).then((r) => {
      const allowed = ${JSON.stringify(allowed)};
      const find = (target) => { try { return document.querySelector(target.filter((t) => typeof t === 'string').join(' ')); } catch { return null; } };
      return {
        url: r.url,
        violations: r.violations,
        allowed: r.violations.map((v) => v.nodes.map((n) => {
          const el = n.target.length === 1 ? find(n.target) : null;
          return Boolean(el && allowed.some((a) => a.rule === v.id && el.closest(a.inside)));
        })),
      };
    })`,
  );
  const path = new URL(results.url).pathname;
  const findings: Finding[] = [];
  results.violations.forEach((violation, v) => {
    violation.nodes.forEach((node, n) => {
      if (results.allowed[v]?.[n]) return;
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
      findings.push({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        helpUrl: violation.helpUrl,
        path,
        target,
        html: node.html.length > 300 ? `${node.html.slice(0, 300)}…` : node.html,
        detail: describeNode(node),
      });
    });
  });
  return findings;
}

/** axe's measurements for contrast (colours, ratio, size), its summary for everything else. */
function describeNode(node: axe.NodeResult): string {
  const contrast = [...node.any, ...node.all, ...node.none].find((c) => c.data && typeof c.data === 'object' && 'contrastRatio' in c.data);
  if (contrast) {
    const d = contrast.data as { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string; fontSize?: string; fontWeight?: string; nodeColor?: string; parentColor?: string };
    if (!d.fgColor) return `measured: ${d.nodeColor} against ${d.parentColor} around it = ${d.contrastRatio}:1 (${contrast.message})`;
    return `measured: ${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}:1, needs ${d.expectedContrastRatio} (font ${d.fontSize}, ${d.fontWeight})`;
  }
  return (node.failureSummary ?? '').replace(/\n\s*/g, ' ').trim();
}

function formatFindings(findings: Finding[], widthLabel: string): string {
  const lines = findings.map((f) =>
    [
      `• ${f.rule} (${f.impact}) on ${f.path}: ${f.help}`,
      `    element: ${f.target}`,
      `    html: ${f.html}`,
      `    ${f.detail}`,
      `    ${f.helpUrl}`,
    ].join('\n'),
  );
  return `axe found ${findings.length} WCAG 2.0/2.1 A/AA violation(s) at ${widthLabel}:\n${lines.join('\n')}`;
}

const LOCATOR_ACTIONS = [
  'click', 'dblclick', 'tap', 'fill', 'clear', 'press', 'pressSequentially', 'type', 'check', 'uncheck',
  'setChecked', 'selectOption', 'setInputFiles', 'hover', 'focus', 'dragTo',
] as const;
const KEYBOARD_ACTIONS = ['press', 'type', 'insertText', 'down'] as const;
let locatorsPatched = false;

/** Wraps the actions of every Locator (one prototype for all pages) with the audit of their page. */
function patchLocators(sample: Locator): void {
  if (locatorsPatched) return;
  locatorsPatched = true;
  const proto = Object.getPrototypeOf(sample) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of LOCATOR_ACTIONS) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = async function (this: Locator, ...args: unknown[]) {
      await audits.get(this.page())?.beforeAction(`before ${name}`);
      return original.apply(this, args);
    };
  }
}

/**
 * Audits every page this context's page shows (see the top of this file): wraps its navigation,
 * keyboard and locator actions, and closing the context, which audits the last state.
 */
export function auditPages(context: BrowserContext, page: Page, widthLabel: string): void {
  const audit = new PageAudit(page, widthLabel);
  audits.set(page, audit);
  patchLocators(page.locator('body'));

  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    await audit.beforeAction('before goto');
    return goto(...args);
  };
  const reload = page.reload.bind(page);
  page.reload = async (...args: Parameters<Page['reload']>) => {
    await audit.beforeAction('before reload');
    return reload(...args);
  };
  const keyboard = page.keyboard as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of KEYBOARD_ACTIONS satisfies readonly (keyof Keyboard)[]) {
    const original = keyboard[name]!.bind(page.keyboard);
    keyboard[name] = async (...args: unknown[]) => {
      await audit.beforeAction(`before keyboard.${name}`);
      return original(...args);
    };
  }
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext['close']>) => {
    try {
      await audit.checkpoint('end of test');
    } finally {
      await close(...args);
    }
  };
}

/** Audits what the page shows now (a dialog, a state a test wants checked); fails on findings. */
export async function audit(page: Page, why = 'checkpoint'): Promise<void> {
  await audits.get(page)?.checkpoint(why);
}
