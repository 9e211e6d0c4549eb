/** Imports of price lists, orders and receipts (PLT-10) and the price list page. */
export default {
  imports: {
    template: 'Download template',
    report: 'Download error report',
    priceListsTitle: 'Import guide price lists',
    priceListsHint: 'Rows with the same list name and effective date become one draft list; the marketing director then submits it for the general manager’s approval (PRC-2).',
    ordersTitle: 'Import orders',
    ordersHint: 'Rows with the same import reference are the lines of one order; each order is submitted under the same rules as one typed in (prices, payment mode, deposit, credit approval, credit hold).',
    receiptsTitle: 'Import receipts',
    receiptsHint: 'One receipt per row, matched under the same rules as one entered by hand: to the order given, else oldest open order first; more than is open needs “yes” under leave on account. Serial numbers must not repeat.',
  },
  priceLists: {
    menu: 'Guide price lists',
    name: 'Price list',
    effectiveFrom: 'Effective from',
    status: 'Status',
    lines: 'Products',
    createdAt: 'Created',
    decidedAt: 'Decided',
    product: 'Product',
    guidePrice: 'Guide price',
    submit: 'Submit for approval',
    submitted: 'Submitted to the general manager',
    detail: 'Price list lines',
    statuses: { DRAFT: 'Draft', PENDING: 'Pending approval', APPROVED: 'Approved', REJECTED: 'Rejected' },
  },
}
