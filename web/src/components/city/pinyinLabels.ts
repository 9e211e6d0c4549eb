import { pinyin } from 'pinyin-pro'
import type { Division } from './divisions'

/**
 * Latin labels for the English UI: the usual English name where one differs from plain pinyin (Shaanxi beside Shanxi,
 * Hong Kong, Macao, Inner Mongolia, Tibet), else pinyin without tones, the administrative suffix dropped. Loaded
 * with pinyin-pro's dictionary only when an English user opens a city picker.
 */
const ENGLISH: Record<string, string> = {
  陕西省: 'Shaanxi',
  内蒙古自治区: 'Inner Mongolia',
  西藏自治区: 'Tibet',
  香港特别行政区: 'Hong Kong',
  香港: 'Hong Kong',
  澳门特别行政区: 'Macao',
  澳门: 'Macao',
}
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市', '地区']

export function latinName(name: string): string {
  if (ENGLISH[name]) return ENGLISH[name]
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length + 1)
  const base = suffix ? name.slice(0, -suffix.length) : name
  const syllables = pinyin(base, { toneType: 'none', type: 'array' }).join('')
  return syllables.charAt(0).toUpperCase() + syllables.slice(1)
}

export function latinLabels(tree: Division[]): Division[] {
  return tree.map((d) => ({ value: d.value, label: latinName(d.value), children: d.children && latinLabels(d.children) }))
}
