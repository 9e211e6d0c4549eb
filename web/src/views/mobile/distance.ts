/**
 * A distance in metres as people read it: whole metres below 1 km, kilometres with one decimal below 100 km,
 * whole kilometres (grouped) beyond. `10779737` reads "10,780 公里", never "10779737 米".
 */
export function distanceParts(metres: number): { key: 'metres' | 'kilometres'; n: string } {
  const m = Math.max(0, Math.round(metres))
  if (m < 1000) return { key: 'metres', n: String(m) }
  const km = m / 1000
  if (km < 100) return { key: 'kilometres', n: km.toFixed(1).replace(/\.0$/, '') }
  return { key: 'kilometres', n: Math.round(km).toLocaleString('en-US') }
}

/** A map link for a confirmed point (Amap takes longitude first). */
export function mapLink(lat: number, lng: number): string {
  return `https://uri.amap.com/marker?position=${lng},${lat}`
}

/** Coordinates for people: five decimals (about a metre), latitude first as the field names say. */
export function coordinates(lat: number, lng: number): string {
  return `${lat.toFixed(5)}, ${lng.toFixed(5)}`
}
