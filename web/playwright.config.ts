import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: './e2e',
  outputDir: '../target/e2e-artifacts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: '../target/e2e-report' }]],
  // Without YEWU_BASE_URL the tests start the packaged jar on a fresh embedded database of their own, from Spring AOT's
  // generated bean definitions, as the documented packaged start does (decision 0046).
  webServer: process.env.YEWU_BASE_URL
    ? undefined
    : {
        command:
          'rm -rf ../target/e2e-data && exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dspring.aot.enabled=true -jar ../target/yewu.jar' +
          ' --server.port=18080 --yewu.data-dir=../target/e2e-data --yewu.db.durable=false',
        url: 'http://localhost:18080/actuator/health',
        timeout: 180_000,
        reuseExistingServer: false,
        // SIGTERM lets Yewu stop its embedded PostgreSQL; a kill would leave the database process behind
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
        stdout: 'pipe',
      },
  use: {
    baseURL: process.env.YEWU_BASE_URL || 'http://localhost:18080',
    screenshot: 'on',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
