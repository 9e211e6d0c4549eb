/** Imports of price lists, orders and receipts (PLT-10) and the price list page: Chinese first. */
export default {
  imports: {
    template: '下载导入模板',
    report: '下载错误报告',
    priceListsTitle: '导入指导价表',
    priceListsHint: '同一价格表名称与生效日期的行合为一张草稿价格表，导入后由营销总监提交总经理审批（PRC-2）。',
    ordersTitle: '导入订单',
    ordersHint: '导入单号相同的行是同一张订单的明细；每张订单都按手工下单的同样规则提交（价格、结算方式、定金、帐期审批、信用冻结）。',
    receiptsTitle: '导入回款',
    receiptsHint: '每行一笔回款，按手工登记的同样规则核销：填了订单号的核销该订单，否则从最早的未付订单开始；超出未付金额须在“余额挂帐”填“是”。流水号不可重复。',
  },
  priceLists: {
    menu: '指导价表',
    name: '价格表名称',
    effectiveFrom: '生效日期',
    status: '状态',
    lines: '产品数',
    createdAt: '创建时间',
    decidedAt: '审批时间',
    product: '产品',
    guidePrice: '指导价',
    submit: '提交审批',
    submitted: '已提交总经理审批',
    detail: '价格表明细',
    statuses: { DRAFT: '草稿', PENDING: '待审批', APPROVED: '已批准', REJECTED: '已驳回' },
  },
}
