/** Web conventions shared by every capability: problem details, paging, optimistic locking. */
@org.springframework.modulith.NamedInterface("web")
package io.yewu.platform.web;
