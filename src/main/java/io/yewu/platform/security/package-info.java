/** Who is acting, in which company, and how far they see (PLT-5, PLT-11). */
@org.springframework.modulith.NamedInterface("security")
package io.yewu.platform.security;
