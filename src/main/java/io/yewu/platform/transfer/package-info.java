/** PLT-10: Excel export of any list and CSV/Excel import with a row-by-row error report. */
@org.springframework.modulith.NamedInterface("transfer")
package io.yewu.platform.transfer;
