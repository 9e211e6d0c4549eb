/**
 * PLT-1: every automated decision returns its outcome with the rules that fired, and is stored beside the
 * record it decided so the UI can answer "为什么?".
 */
@org.springframework.modulith.NamedInterface("decision")
package io.yewu.platform.decision;
