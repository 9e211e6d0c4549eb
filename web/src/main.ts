import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { currentLocale, i18n } from './i18n'
import { configureHttp } from './api/http'
import { useSession } from './stores/session'
import './styles.css'
import './utils/dates'

const app = createApp(App).use(createPinia()).use(i18n).use(router)

configureHttp({
  language: currentLocale,
  unauthorized: () => {
    useSession().clear()
    const here = router.currentRoute.value
    if (!here.meta.public) void router.replace({ path: '/login', query: { redirect: here.fullPath } })
  },
})

document.documentElement.lang = currentLocale()
app.mount('#app')
