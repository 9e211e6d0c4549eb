/**
 * What was typed on a visit and not yet confirmed by the server, kept on the phone (localStorage) per user and
 * visit: written on every change, marked clean once the server has it, read back when the page opens again
 * (reload, crash, no network). Only a dirty draft replaces what the server has; a clean one only brings back the
 * step the person was on.
 */
export interface VisitDraft<F, P> {
  form: F
  promise: P
  step: number
  dirty: boolean
  at: string
}

const key = (userId: number, visitId: number) => `yewu.visit-draft.${userId}.${visitId}`

export function readDraft<F, P>(userId: number, visitId: number): VisitDraft<F, P> | null {
  try {
    const raw = localStorage.getItem(key(userId, visitId))
    return raw ? (JSON.parse(raw) as VisitDraft<F, P>) : null
  } catch {
    return null
  }
}

export function writeDraft<F, P>(userId: number, visitId: number, draft: VisitDraft<F, P>) {
  try {
    localStorage.setItem(key(userId, visitId), JSON.stringify(draft))
  } catch {
    // a full storage must not stop the visit; the server save still runs
  }
}

export function clearDraft(userId: number, visitId: number) {
  localStorage.removeItem(key(userId, visitId))
}
