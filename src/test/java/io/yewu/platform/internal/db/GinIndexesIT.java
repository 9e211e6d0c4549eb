package io.yewu.platform.internal.db;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0045, V55: no GIN index of the schema keeps a pending list. With fast update on, each search scans every
 * entry inserted since the last vacuum (up to 4 MB: 16 ms more per name search on the bench), so every GIN index,
 * including one a later migration adds, must be created or altered with {@code fastupdate = off}. V56: the customer
 * table is vacuumed soon after inserts, for the lists' index-only scans.
 */
class GinIndexesIT extends IntegrationTest {

    @Test
    void everyGinIndexWritesItsEntriesDirectly() {
        List<Map<String, Object>> gin = asSystem(() -> jdbc.sql("""
                SELECT i.relname AS index, coalesce(array_to_string(i.reloptions, ','), '') AS options
                FROM pg_class i JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = i.relnamespace
                WHERE am.amname = 'gin' AND n.nspname = 'public' ORDER BY i.relname""").query().listOfRows());
        assertThat(gin).extracting(r -> r.get("index"))
                .contains("customer_name_grams_idx", "customer_name_trgm", "kb_article_grams_idx");
        assertThat(gin).allSatisfy(r -> assertThat((String) r.get("options")).as("%s", r.get("index"))
                .contains("fastupdate=off"));
    }

    /** V56: the customer table is vacuumed after 2 % new rows, so the lists' index-only scans stay index-only. */
    @Test
    void theCustomerTableIsVacuumedSoonAfterInserts() {
        String options = asSystem(() -> jdbc.sql("""
                SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class
                WHERE relname = 'customer' AND relnamespace = 'public'::regnamespace""").query(String.class).single());
        assertThat(options).contains("autovacuum_vacuum_insert_scale_factor=0.02");
    }
}
