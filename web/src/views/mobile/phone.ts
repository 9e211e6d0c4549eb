/**
 * Which devices get the phone app (/m/) when they open `/`. A phone is a touch screen narrower than a tablet, or a
 * phone's user agent; a narrow desktop window (no touch) stays on the desktop pages. "电脑版" on the 我的 tab
 * records the choice on this device, and opening the phone app again clears it.
 */
const DESKTOP_CHOICE = 'yewu.desktop'

export function isPhone(): boolean {
  if (/iPhone|iPod|Android.+Mobile|Windows Phone|HarmonyOS.+Mobile/i.test(navigator.userAgent)) return true
  return navigator.maxTouchPoints > 0 && window.matchMedia('(max-width: 767px)').matches
}

export function prefersDesktop(): boolean {
  return localStorage.getItem(DESKTOP_CHOICE) === '1'
}

export function chooseDesktop(desktop: boolean) {
  if (desktop) localStorage.setItem(DESKTOP_CHOICE, '1')
  else localStorage.removeItem(DESKTOP_CHOICE)
}
