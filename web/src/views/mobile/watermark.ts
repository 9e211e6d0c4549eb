/**
 * Photos of a visit carry a watermark drawn on the phone before upload (CUS-14): the time, the place and the
 * person, in a dark band along the bottom, so a photo shows when, where and by whom it was taken even when it is
 * passed on. The image is drawn into a canvas (scaled to at most 1600 px on its long side, at least 480 px wide so
 * the text stays readable) and sent as JPEG.
 */
const MAX_SIDE = 1600
const MIN_WIDTH = 480

async function decode(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' })
    } catch {
      // fall through to an <img>, which some browsers decode where createImageBitmap refuses
    }
  }
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.src = url
    await img.decode()
    return img
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Splits a line so that each piece fits the width (CJK text has no spaces to break at, so by character). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > width) {
      out.push(line)
      line = ch.trimStart()
    } else {
      line += ch
    }
  }
  if (line) out.push(line)
  return out
}

export async function watermark(file: Blob, lines: string[]): Promise<Blob> {
  const image = await decode(file)
  let scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height))
  if (image.width * scale < MIN_WIDTH) scale = MIN_WIDTH / image.width
  const w = Math.round(image.width * scale)
  const h = Math.max(1, Math.round(image.height * scale))
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('canvas unavailable')

  const font = Math.max(14, Math.round(w / 32))
  const pad = Math.round(font * 0.6)
  ctx.font = `${font}px sans-serif`
  const wrapped = lines.flatMap((l) => wrap(ctx, l, w - 2 * pad))
  const band = wrapped.length * Math.round(font * 1.35) + 2 * pad
  canvas.width = w
  canvas.height = Math.max(h, band + pad) // a very flat picture still has room for its watermark

  ctx.fillStyle = '#000'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(image, 0, 0, w, h)
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)'
  ctx.fillRect(0, canvas.height - band, w, band)
  ctx.font = `${font}px sans-serif`
  ctx.fillStyle = '#fff'
  ctx.textBaseline = 'top'
  wrapped.forEach((l, i) => ctx.fillText(l, pad, canvas.height - band + pad + i * Math.round(font * 1.35)))

  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/jpeg', 0.85),
  )
}
