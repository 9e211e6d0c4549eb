-- The company wall (PLT-11) reads the transaction's company once per statement, not once per row (decision 0052).
-- Written as yewu_company() the policy's condition was inlined into every scan's filter, and each row visited called
-- current_setting() twice (the company and the all-companies switch): a list page that walks 1,000 index entries paid
-- 2,000 setting look-ups. As a scalar sub-select each becomes an InitPlan that PostgreSQL evaluates once per
-- statement; the row then compares two values. Same condition, same values (both functions are STABLE: one value per
-- statement either way); only where it is computed changes.
CREATE OR REPLACE FUNCTION yewu_wall(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY company_wall ON %s USING ((SELECT yewu_all_companies()) OR company_id = (SELECT yewu_company()))'
                 ' WITH CHECK ((SELECT yewu_all_companies()) OR company_id = (SELECT yewu_company()))', tbl);
END $$;

DO $$
DECLARE walled regclass;
BEGIN
  FOR walled IN SELECT polrelid::regclass FROM pg_policy WHERE polname = 'company_wall' LOOP
    EXECUTE format('ALTER POLICY company_wall ON %s USING ((SELECT yewu_all_companies()) OR company_id = (SELECT yewu_company()))'
                   ' WITH CHECK ((SELECT yewu_all_companies()) OR company_id = (SELECT yewu_company()))', walled);
  END LOOP;
END $$;
