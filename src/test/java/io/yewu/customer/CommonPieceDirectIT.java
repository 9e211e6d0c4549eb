package io.yewu.customer;

/**
 * {@link CommonPieceSearch} on the direct path: the name condition itself, through the functions V13/V14 made
 * LEAKPROOF (the embedded server's default, {@code yewu.search.name-path=auto}).
 */
class CommonPieceDirectIT extends CommonPieceSearch {}
