import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import zhCN from '../src/i18n/zh-CN'

/**
 * The code sweep: what a person reads on a page (document.body.innerText) must be words, never the system's codes.
 * A finding names the code and the line it stood in, so a failure says where to look.
 */

/** The i18n namespaces: `roles.X`, `home.x`… on screen is a key that was not translated. */
const NAMESPACES = Object.keys(zhCN).sort((a, b) => b.length - a.length)

/** Words in capitals or with an inner capital that are words, not codes (product names, file types, units). */
const ALLOWED = new Set([
  'HTTP', 'HTTPS', 'JSON', 'XLSX', 'CSV', 'PDF', 'OpenAPI', 'ECharts', 'iPhone', 'iOS', 'WeChat', 'GPS', 'UTC', 'API',
  'PostgreSQL', 'JavaScript', 'Yewu', 'QR', 'SKU', 'VAT', 'CNY', 'ID', 'PIN', 'SMS', 'URL', 'AM', 'PM', 'KPI', 'VIP',
])

interface Check {
  what: string
  re: RegExp
}

const CHECKS: Check[] = [
  { what: 'i18n key', re: new RegExp(`(?<![\\w.@/-])(?:${NAMESPACES.join('|')})\\.[A-Za-z_][\\w.]*`, 'g') },
  { what: 'UPPER_SNAKE code', re: /(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])/g },
  { what: 'upper-case code', re: /(?<![\w-])[A-Z]{4,}(?![\w-])/g },
  { what: 'camelCase token', re: /(?<![\w./@-])[a-z]+[A-Z][A-Za-z0-9]*(?![\w-])/g },
  { what: 'kebab/dotted code', re: /(?<![\w./@-])[a-z]+(?:[.-][a-z]+)*\.[a-z]+-[a-z]+(?![\w.-])|(?<![\w./@-])[a-z]+-[a-z]+(?:-[a-z]+)*(?=\s*#)/g },
  { what: 'null/undefined/NaN', re: /(?<![\w-])(?:null|undefined|NaN|Invalid Date)(?![\w-])/g },
  { what: 'epoch date 1970', re: /(?<!\d)1970(?!\d)/g },
  { what: 'bare id', re: /(?<![\w&])#\d+(?!\d)|∅/g },
]

export interface Finding {
  route: string
  user: string
  locale: string
  what: string
  token: string
  line: string
}

/** The codes in one page's visible text. */
export function scanText(text: string): { what: string; token: string; line: string }[] {
  const found: { what: string; token: string; line: string }[] = []
  for (const line of text.split('\n')) {
    for (const { what, re } of CHECKS) {
      for (const m of line.matchAll(re)) {
        const token = m[0].trim()
        if (ALLOWED.has(token)) continue
        found.push({ what, token, line: line.trim().slice(0, 160) })
      }
    }
  }
  return found
}

/** Where a name belongs and only digits stand (e.g. a decision's outcome `7`). */
export async function bareIdsInNameSlots(page: Page): Promise<string[]> {
  return page
    .locator('[data-test=decision-outcome], [data-test$=-name]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()).filter((s) => /^\d+$/.test(s)))
}

/** The routes of the router, read from its source: `{ path, needsId }`, mobile and public pages included. */
export function routerPaths(): { path: string; params: boolean }[] {
  const src = readFileSync(new URL('../src/router/index.ts', import.meta.url), 'utf8')
  const out: { path: string; params: boolean }[] = []
  for (const m of src.matchAll(/\{\s*path:\s*'([^']*)'([^\n]*)/g)) {
    const [, p, rest] = m
    if (p.includes('pathMatch') || rest.includes('redirect:')) continue
    if (p === '/') continue // the layout; its '' child is the home page
    const path = p.startsWith('/') ? p : `/${p}`
    out.push({ path: path.replace(/\(\\\\d\+\)/g, ''), params: path.includes(':') })
  }
  return out
}
