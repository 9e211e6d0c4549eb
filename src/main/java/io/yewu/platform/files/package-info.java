/** Uploaded files by key (visit photos, contract files): the store behind them is the platform's. */
@org.springframework.modulith.NamedInterface("files")
package io.yewu.platform.files;
