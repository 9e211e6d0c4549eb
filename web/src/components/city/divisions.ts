import { areaList } from '@vant/area-data'

/**
 * China's administrative divisions (行政区划, GB/T 2260, from Vant's maintained `@vant/area-data`) as the two levels a
 * customer's city has: province → prefecture-level city (docs/decisions/0031-city-picker-and-unsaved-forms.md).
 * A leaf's value is the division's full name ("广州市"); the server stores it without 市/地区 ("广州", CUS-1).
 *
 * The data's city level is reshaped where it is not a city: the county-level cities a province governs directly
 * (省直辖县, 自治区直辖县级行政区划: 仙桃, 石河子, 五指山 …) stand as cities of their own, Chongqing's "县" group is
 * part of Chongqing itself, and Hong Kong and Macao are one city each.
 */
export interface Division {
  value: string
  label: string
  children?: Division[]
}

const DIRECT_COUNTIES = new Set(['省直辖县', '自治区直辖县级行政区划'])
const SARS: Record<string, string> = { '81': '香港', '82': '澳门' }

const byPrefix = (list: Record<string, string>, prefix: string) =>
  Object.entries(list).filter(([code]) => code.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b))

function citiesOf(provinceCode: string): string[] {
  const p = provinceCode.slice(0, 2)
  if (SARS[p]) return [SARS[p]]
  return byPrefix(areaList.city_list, p).flatMap(([code, name]) => {
    if (DIRECT_COUNTIES.has(name)) return byPrefix(areaList.county_list, code.slice(0, 4)).map(([, county]) => county)
    if (name === '县') return []
    return [name]
  })
}

/** Province → city, labelled in Chinese. */
export const divisions: Division[] = byPrefix(areaList.province_list, '').map(([code, name]) => ({
  value: name,
  label: name,
  children: citiesOf(code).map((city) => ({ value: city, label: city })),
}))

/**
 * The province → city path of a city as the server stores it ("广州", "阿里地区") or as typed ("广州市"), or null for
 * one not in the list; the server's own rule (Cities.canonical): the name, or the name with 市 or 地区 dropped.
 */
export function pathOf(city: string | null | undefined): [string, string] | null {
  const c = city?.trim()
  if (!c) return null
  const names = new Set([c, `${c}市`, `${c}地区`])
  for (const province of divisions) {
    const hit = province.children?.find((d) => names.has(d.value))
    if (hit) return [province.value, hit.value]
  }
  return null
}
