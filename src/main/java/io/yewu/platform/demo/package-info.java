/** The demo company: the event on which capabilities add their own demo data to it. */
@org.springframework.modulith.NamedInterface("demo")
package io.yewu.platform.demo;
