-- Fresh statistics after V14 added the name pieces, so the planner knows how common each piece is.
ANALYZE customer;
