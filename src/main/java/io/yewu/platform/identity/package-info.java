/** Users, departments and roles as other capabilities need them (who manages whom, who holds a role). */
@org.springframework.modulith.NamedInterface("identity")
package io.yewu.platform.identity;
