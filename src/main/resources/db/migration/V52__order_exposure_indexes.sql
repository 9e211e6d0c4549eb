-- Issue 10 speed: a customer's standing (ORD-2) and credit exposure (ORD-5c) are read on every order from the orders
-- that count for them, not from the customer's whole history (OrderCustomers.TOTALS names these predicates word for
-- word, so the planner proves each index applies). A prepaid order waiting for its money is in neither.
CREATE INDEX sales_order_exposure_idx ON sales_order (company_id, customer_id)
  WHERE paid_amount < total AND (state IN ('SHIPPED', 'DELIVERED', 'CLOSED')
    OR (payment_mode = 'CREDIT' AND state IN ('SUBMITTED', 'AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'RELEASED')));
CREATE INDEX sales_order_settled_idx ON sales_order (company_id, customer_id)
  WHERE state IN ('DELIVERED', 'CLOSED') AND paid_amount >= total;
