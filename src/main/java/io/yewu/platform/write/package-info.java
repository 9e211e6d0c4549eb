/**
 * Writes joined into one statement (decision 0049): a new row and the rows that follow from it (its decision, its
 * audit entry, its ownership period) as data-modifying {@code WITH} parts of one statement, one round trip to the
 * database instead of one per table. Each table keeps its one writer: the module that owns a table hands out a
 * {@link io.yewu.platform.write.FollowingWrite} for it, and a capability only composes them.
 */
@org.springframework.modulith.NamedInterface("write")
package io.yewu.platform.write;
