import { fileURLToPath, URL } from 'node:url'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const backend = 'http://localhost:8080'
const outDir = '../target/classes/static'

/**
 * Brotli (quality 11) and gzip (level 9) copies of every text file of the build, written beside it as `.br` and
 * `.gz`; the server hands them out by Accept-Encoding (docs/decisions/0028-assets-and-api-contract.md), so nothing
 * is compressed per request and the smallest encoding costs no server CPU.
 */
function precompress(): Plugin {
  const text = /\.(js|mjs|css|html|svg|json|txt|map)$/
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  let root = ''
  return {
    name: 'yewu-precompress',
    apply: 'build',
    configResolved(config) {
      root = config.build.outDir
    },
    closeBundle() {
      for (const file of walk(root).filter((f) => text.test(f))) {
        const raw = readFileSync(file)
        if (raw.length < 512) continue
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        })
        const gz = gzipSync(raw, { level: 9 })
        if (br.length < raw.length) writeFileSync(`${file}.br`, br)
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz)
      }
    },
  }
}

/**
 * Vant's icon font is served from our own stylesheet only: Vant lists it twice, as a woff2 inlined in its CSS and as
 * a woff on a foreign CDN, which the Content-Security-Policy (`font-src 'self' data:`) blocks and reports on every
 * phone page. The foreign copy is dropped; a remote font left in Vant's CSS (a later Vant) fails the build rather
 * than the policy (docs/decisions/0031-city-picker-and-unsaved-forms.md).
 */
function ownVantIconFont(): Plugin {
  const remote = /,\s*url\((?:https?:)?\/\/[^)]*\)(?:\s*format\([^)]*\))?/g
  return {
    name: 'yewu-own-vant-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]vant[\\/].*\.css(\?|$)/.test(id)) return null
      const own = code.replace(/@font-face\{[^}]*\}/g, (face) => face.replace(remote, ''))
      const left = own.match(/@font-face\{[^}]*url\((?:https?:)?\/\/[^}]*\}/)
      if (left) throw new Error(`${id}: a font from another site is left in Vant's CSS: ${left[0].slice(0, 200)}`)
      return { code: own, map: null }
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components are imported where a template uses them (not the whole library up front), so each
    // route's chunk carries only its own components; the styles stay one stylesheet (main.ts).
    Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false }),
    ownVantIconFont(),
    precompress(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries used by a few routes get a chunk of their own, loaded only by those routes: ECharts (charts),
        // Vant (the phone pages). The Vue runtime, router, store and i18n, which every screen needs, share one
        // long-cached chunk. Element Plus is left to the automatic splitting, so each route takes only its part.
        codeSplitting: {
          groups: [
            // first the shared runtime, so the library groups below (which take their dependencies along) leave it
            { name: 'vue', priority: 3, test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
            { name: 'echarts', priority: 2, test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            // China's divisions (Vant's data package) load with the city picker, not with the phone pages' Vant
            { name: 'divisions', priority: 2, test: /node_modules[\\/]@vant[\\/]area-data[\\/]/ },
            { name: 'vant', priority: 1, test: /node_modules[\\/](vant|@vant)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/v3': backend,
      '/swagger-ui': backend,
    },
  },
})
