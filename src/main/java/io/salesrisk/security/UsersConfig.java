package io.salesrisk.security;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Set;

/**
 * The embedded user store: users with bcrypt password hashes and roles, from configuration.
 * <pre>
 * salesrisk.security.users.crm.password-hash=$2a$10$...
 * salesrisk.security.users.crm.roles=sales
 * </pre>
 */
@ConfigMapping(prefix = "salesrisk.security")
public interface UsersConfig {

    /** Users by login name. */
    Map<String, User> users();

    /** One user. */
    interface User {

        /** bcrypt hash of the password ({@code $2a$...}); generate one with the command in the README. */
        String passwordHash();

        /** Roles: sales, risk-officer, auditor. */
        Set<String> roles();
    }
}
