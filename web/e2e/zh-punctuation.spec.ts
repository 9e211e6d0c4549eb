import { expect, test } from '@playwright/test'
import zhCN from '../src/i18n/zh-CN'
import { punctuationSlips } from './zhPunctuation'

// Issue 12: the Chinese messages use full-width punctuation beside Chinese characters. No browser is needed.

test('the slip finder finds ASCII punctuation beside Chinese and leaves full-width and English alone', () => {
  const slips = punctuationSlips({ a: '客户,订单', b: { c: '(草稿)' }, d: '客户，订单（草稿）', e: 'Yes, (draft): ok', f: '{n} 个:' })
  expect(slips.map((s) => `${s.key} ${s.at}`)).toEqual(['a 户,', 'b.c (草', 'b.c 稿)', 'f 个:'])
})

test('zh-CN messages use full-width punctuation beside Chinese characters', () => {
  const slips = punctuationSlips(zhCN)
  expect(slips.map((s) => `${s.key}: «${s.at}» in “${s.text}”`).join('\n')).toBe('')
})
