/** Who reaches the quote pages (PRC-3, PRC-10); mirrors the server's @Allow on /api/quotes and /api/quote-requests. */
import { QUOTE_READERS, QUOTE_WRITERS } from '@/api/quotes'

export { QUOTE_READERS, QUOTE_WRITERS }
/** Quote requests: the same readers; finance answers them. */
export const REQUEST_READERS = QUOTE_READERS
