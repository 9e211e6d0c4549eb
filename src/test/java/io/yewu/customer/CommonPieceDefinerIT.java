package io.yewu.customer;

import org.springframework.test.context.TestPropertySource;

/** {@link CommonPieceSearch} on the DEFINER path: candidates from {@code customer_name_matches} (V57). */
@TestPropertySource(properties = "yewu.search.name-path=definer")
class CommonPieceDefinerIT extends CommonPieceSearch {}
