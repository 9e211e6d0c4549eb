/**
 * The numbers people read on documents (SO20261129-0001, QT…, GD…): one counter per company, series and day.
 */
@org.springframework.modulith.NamedInterface("numbering")
package io.yewu.platform.numbering;
